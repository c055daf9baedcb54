// The framework's floor for scripts/bench: one Hummingbird route answering "ok", built from the
// same Hummingbird version as Untether, so each page's requests/s can be read as a share of it.
// Run: swift run -c release bare-route --port 8081 (0 picks a free port; the line printed names it)
import Foundation
import Hummingbird

let arguments = CommandLine.arguments
let port: Int
if let flag = arguments.firstIndex(of: "--port"), flag + 1 < arguments.count, let value = Int(arguments[flag + 1]),
   (0...65535).contains(value) {
    port = value
} else if arguments.contains("--port") {
    FileHandle.standardError.write(Data("usage: bare-route [--port N]\n".utf8))
    exit(2)
} else {
    port = 8081
}

let router = Router()
router.get("/") { _, _ in "ok" }

let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: port)),
    onServerRunning: { channel in
        // Unbuffered, so a script waiting on this line sees it at once.
        FileHandle.standardOutput.write(Data("listening on 127.0.0.1:\(channel.localAddress?.port ?? port)\n".utf8))
    }
)
try await app.runService()
