using System.Text.Json;
using System.Text.RegularExpressions;
using PmfBot.Cards.Digests;
using PmfBot.Cards.Model;

namespace PmfBot.Cards.Tests;

/// <summary>
/// People's names are text, whatever characters they hold: an @mention of each stands in the card exactly as its
/// entity says (Teams matches them character for character), with the name XML-encoded inside the &lt;at&gt; tag,
/// and the card's own words around it still escaped for Teams' Markdown.
/// </summary>
public partial class NamesAreTextTests
{
    public static TheoryData<string> AwkwardNames =>
        [
            "O'Neil",
            "Ana_Maria Silva",
            "*Acting* Head of Service",
            "R&D <Team>",
            "[Vacant] post",
            "Zoë 🌟 Adebayo-Smith",
            "مريم العتيبي",
            "Back\\slash",
        ];

    private static DigestView DigestMentioning(string name)
    {
        var mention = CardMention.Of("00000000-0000-0000-0000-0000000000aa", name);
        return new DigestView(
            "Weekly digest: Waste",
            "Week to Monday 23 November 2026, 09:00",
            null,
            null,
            [new DigestCount("Green", 3, 3, null)],
            [
                new DigestSection(
                    "Overdue updates",
                    [new DigestItem("WM 03 Missed bins", $"Oct 2026 · 5 days overdue · owed by {mention.Text} *now*")]
                ),
            ],
            "service:waste",
            [mention]
        );
    }

    [Theory]
    [MemberData(nameof(AwkwardNames))]
    public void AMention_StandsInTheCardAsItsEntitySays_AndTheNameIsItsOwn(string name)
    {
        var card = JsonDocument.Parse(CardJson.ToJson(DigestCard.Build(DigestMentioning(name)))).RootElement;

        var entity = Assert.Single(card.GetProperty("msteams").GetProperty("entities").EnumerateArray());
        var text = entity.GetProperty("text").GetString()!;
        Assert.Equal(name, entity.GetProperty("mentioned").GetProperty("name").GetString());
        Assert.Equal($"<at>{System.Net.WebUtility.HtmlEncode(name)}</at>", text);
        Assert.DoesNotMatch(Tag(), text[4..^5]); // no stray tag inside the <at> element
        var line = Texts(card).Single(t => t.Contains("owed by", StringComparison.Ordinal));
        Assert.Equal($"Oct 2026 · 5 days overdue · owed by {text} \\*now\\*", line);
    }

    [Theory]
    [MemberData(nameof(AwkwardNames))]
    public void ANameInPlainText_ReadsBackAsTyped_UnderMarkdownsEscapes(string name)
    {
        var escaped = CardText.Plain($"Escalated to {name} (escalation owner)");

        // CommonMark: a backslash before ASCII punctuation shows that character; none of *, _, [ or ] is left bare.
        Assert.Equal($"Escalated to {name} (escalation owner)", Unescape().Replace(escaped, "$1"));
        Assert.DoesNotMatch(BareMarkup(), escaped);
    }

    private static IEnumerable<string> Texts(JsonElement node) =>
        node.ValueKind switch
        {
            JsonValueKind.Object => node.EnumerateObject()
                .SelectMany(p =>
                    p.Name == "text" && p.Value.ValueKind == JsonValueKind.String
                        ? [p.Value.GetString()!]
                        : Texts(p.Value)
                ),
            JsonValueKind.Array => node.EnumerateArray().SelectMany(Texts),
            _ => [],
        };

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Unescape();

    [GeneratedRegex(@"(?<!\\)[*_\[\]]")]
    private static partial Regex BareMarkup();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
