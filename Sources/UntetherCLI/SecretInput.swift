import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads secrets without showing them: from a file, or from the terminal with echo turned off.
enum SecretInput {
    /// The first line of a file, without its line ending.
    static func firstLine(ofFile path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: (path as NSString).expandingTildeInPath),
              let text = String(data: data, encoding: .utf8)
        else {
            throw CLIError("The \(what) file \(path) could not be read. Check the path and that you may read it.")
        }
        // "\r\n" is a single Character in Swift, so look for any newline rather than "\n".
        let trimmed = String(text.prefix { !$0.isNewline })
        guard !trimmed.isEmpty else { throw CLIError("The \(what) file \(path) is empty. Put the \(what) on its first line.") }
        return trimmed
    }

    /// Asks on the terminal (not standard input, which may carry a note's text) with echo off.
    static func readFromTerminal(prompt: String) throws -> String {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else {
            throw CLIError("No terminal to ask for the passphrase. Use --passphrase-file FILE when running from a script.")
        }
        defer { close(fd) }
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        var original = termios()
        let haveTerminal = tcgetattr(fd, &original) == 0
        if haveTerminal {
            var silent = original
            silent.c_lflag &= ~tcflag_t(ECHO)
            silent.c_lflag |= tcflag_t(ICANON)
            tcsetattr(fd, TCSAFLUSH, &silent)
        }
        defer {
            if haveTerminal { tcsetattr(fd, TCSAFLUSH, &original) }
            _ = "\n".withCString { write(fd, $0, 1) }
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
            bytes.append(byte)
            if bytes.count > 4096 { break }
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        let text = String(decoding: bytes, as: UTF8.self)
        bytes.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = 0 }
        }
        guard !text.isEmpty else { throw CLIError("No passphrase was typed. Nothing was changed.") }
        return text
    }
}
