import Hummingbird
import Plot

/// Plain pages for errors. They never include anything from the request.
enum ErrorPage {
    static func response(status: HTTPResponse.Status) -> Response {
        let (title, text): (String, String) = switch status.code {
        case 404: ("Page not found", "There's nothing at this address.")
        case 403: ("That didn't go through", "The form was old or came from somewhere else, so nothing was changed. Please go back, reload the page and try again.")
        case 413: ("Too large to save", "That was more than can be saved at once, so nothing was changed. Please try something shorter.")
        case 400, 415, 422: ("That didn't go through", "Part of the form couldn't be read, so nothing was changed. Please go back and try again.")
        default: ("Something went wrong", "Nothing was changed. Please go back and try again.")
        }
        let html = Layout.render(
            chrome: PageChrome(displayName: "Notes"),
            content: .group(
                .h1(.userText(title)),
                .p(.userText(text)),
                .p(.a(.class("button secondary"), .href(SiteRoute.home), .text("Go to the start")))
            )
        )
        return .page(html, status: status)
    }
}
