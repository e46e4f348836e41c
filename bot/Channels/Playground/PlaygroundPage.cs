using System.Text.Encodings.Web;
using System.Text.Json;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Channels.Playground;

/// <summary>
/// The page at <c>/</c>: Microsoft's Web Chat polling this bot's Direct Line endpoints. It keeps its conversation (id
/// and token) and person id in the browser, so a reload or a bot restart continues the same chat. Language: the
/// browser's (ru → Russian), or the one picked in the switch, sent as each activity's locale.
/// </summary>
public static class PlaygroundPage
{
    // Letters as they are (readable page source); <, >, & and quotes still escaped, so nothing closes the script.
    private static readonly JsonSerializerOptions ScriptJson = new() { Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    public static string Html(string webChatScriptUrl)
    {
        var texts = JsonSerializer.Serialize(new Dictionary<string, Dictionary<string, string>>
        {
            ["en-US"] = TextsIn(Language.En),
            ["ru-RU"] = TextsIn(Language.Ru),
        }, ScriptJson);
        return Template
            .Replace("{{script}}", HtmlEncoder.Default.Encode(webChatScriptUrl), StringComparison.Ordinal)
            .Replace("{{texts}}", texts, StringComparison.Ordinal)
            .Replace("{{base}}", DirectLineEndpoints.BasePath, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> TextsIn(Language language) => new()
    {
        ["title"] = PlaygroundTexts.Title[language],
        ["note"] = PlaygroundTexts.Note[language],
        ["language"] = PlaygroundTexts.Language[language],
        ["unavailable"] = PlaygroundTexts.Unavailable[language],
        ["notStarted"] = PlaygroundTexts.NotStarted[language],
    };

    private const string Template = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>AccountCoachBot</title>
          <style>
            html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
            body { display: flex; flex-direction: column; }
            header { display: flex; align-items: center; gap: 1rem; padding: .5rem 1rem; border-bottom: 1px solid #ddd; }
            header h1 { font-size: 1.1rem; margin: 0; }
            header p { margin: 0; color: #555; flex: 1; }
            #webchat { flex: 1; min-height: 0; }
          </style>
        </head>
        <body>
          <header>
            <h1 id="title">AccountCoachBot</h1>
            <p id="note"></p>
            <label><span id="language-label">Language</span>
              <select id="language">
                <option value="en-US">English</option>
                <option value="ru-RU">Русский</option>
              </select>
            </label>
          </header>
          <div id="webchat" role="main"></div>
          <script src="{{script}}"></script>
          <script>
          (async function () {
            const texts = {{texts}};
            const base = location.origin + '{{base}}';
            const browser = (navigator.language || '').toLowerCase().startsWith('ru') ? 'ru-RU' : 'en-US';
            const locale = texts[localStorage.getItem('coach.locale')] ? localStorage.getItem('coach.locale') : browser;
            const t = texts[locale];
            document.documentElement.lang = locale.slice(0, 2);
            document.title = t.title;
            document.getElementById('title').textContent = t.title;
            document.getElementById('note').textContent = t.note;
            document.getElementById('language-label').textContent = t.language;
            const picker = document.getElementById('language');
            picker.value = locale;
            picker.addEventListener('change', () => { localStorage.setItem('coach.locale', picker.value); location.reload(); });
            if (!window.WebChat) { document.getElementById('webchat').textContent = t.unavailable; return; }

            let userId = localStorage.getItem('coach.userId');
            if (!userId) {
              userId = 'pg-' + Array.from(crypto.getRandomValues(new Uint8Array(12)), b => b.toString(16).padStart(2, '0')).join('');
              localStorage.setItem('coach.userId', userId);
            }
            // One conversation per browser: reminders are sent to it, and a reload shows its history again.
            let saved = JSON.parse(localStorage.getItem('coach.conversation') || 'null');
            if (!saved || saved.userId !== userId) {
              const response = await fetch(base + '/conversations', {
                method: 'POST', headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ user: { id: userId }, locale })
              });
              if (!response.ok) { document.getElementById('webchat').textContent = t.notStarted; return; }
              const started = await response.json();
              saved = { userId, conversationId: started.conversationId, token: started.token };
              localStorage.setItem('coach.conversation', JSON.stringify(saved));
            }
            const directLine = window.WebChat.createDirectLine({
              domain: base, token: saved.token, conversationId: saved.conversationId, webSocket: false, pollingInterval: 1000
            });
            window.WebChat.renderWebChat({
              directLine, userID: userId, locale,
              styleOptions: { hideUploadButton: true, bubbleMaxWidth: 640 }
            }, document.getElementById('webchat'));
          })();
          </script>
        </body>
        </html>
        """;
}
