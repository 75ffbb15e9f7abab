using System.Text.Encodings.Web;

namespace FourDuty.Host.Web;

/// <summary>
/// The document every page of the web application starts as: the language, the title, the page's style and one
/// script module, which draws the shell and the page. No inline script, so a strict Content-Security-Policy holds.
/// </summary>
internal static class PageHtml
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Render(string language, string page, ClientAssets assets)
    {
        var product = assets.Text(language, "shell.product");
        var title = assets.Text(language, $"pages.{page}.title");
        var files = assets.For(page);
        var head = files is null
            ? ""
            : $"""
              {(files.Style is null ? "" : $"<link rel=\"stylesheet\" href=\"{E(files.Style)}\">")}
              <script type="module" src="{E(files.Script)}"></script>
              """;
        var body = files is null
            ? $"<main class=\"fd-notice\"><h1>{E(product)}</h1><p>{E(assets.Text(language, "shell.notBuilt"))}</p></main>"
            : $"<noscript><p class=\"fd-notice\">{E(assets.Text(language, "shell.noScript"))}</p></noscript>";
        return $"""
            <!DOCTYPE html>
            <html lang="{E(language)}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} · {E(product)}</title>
            <link rel="icon" href="data:,">
            {head}
            </head>
            <body data-page="{E(page)}">
            {body}
            </body>
            </html>
            """;
    }

    private static string E(string text) => Html.Encode(text);
}
