using PmfBot.Cards.Questions;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Questions;
using PmfBot.Domain.Standings;

namespace PmfBot.Features.Questions;

/// <summary>A question's answer in words: its title, one sentence saying what was found, and the first ten.</summary>
public static class QuestionViews
{
    public static AnswerListView List(Question question, AskedMeasures.Found asked, ListAnswer answer, Uri tab)
    {
        var when = question.Time is { } t ? $" {t.Words}" : string.Empty;
        var (title, found, none) = question.Intent switch
        {
            QuestionIntent.Worse => ($"Got worse{when}", "got worse", "got worse"),
            QuestionIntent.Better => ($"Got better{when}", "got better", "got better"),
            QuestionIntent.OffTrack => ($"Off track{when}", "are off track (Red)", "is off track (Red)"),
            QuestionIntent.Overdue => ($"Overdue updates{when}", "have an update overdue", "has an update overdue"),
            _ => ($"Not yet updated{when}", "have an update owed", "has an update owed"),
        };
        var counted = question.Intent switch
        {
            QuestionIntent.Overdue or QuestionIntent.NotUpdated => Count(answer.Considered, "measure"),
            _ when question.Time is not null => $"{Count(answer.Considered, "measure")} with a figure{when}",
            QuestionIntent.OffTrack => $"{Count(answer.Considered, "measure")} with a figure",
            _ => $"{Count(answer.Considered, "measure")} with a figure to compare",
        };
        var summary =
            answer.Considered == 0 ? $"None of {asked.Name}'s measures has a figure{when} yet."
            : answer.Lines.Count == 0 ? $"None of the {counted} {none}: good news."
            : $"{answer.Lines.Count} of the {counted} {found}"
                + (question.Intent is QuestionIntent.Worse or QuestionIntent.Better ? ", reds first." : ".");
        return View($"{title}: {AskedMeasures.Capital(asked.Name)}", summary, answer.Lines, tab);
    }

    public static AnswerListView Search(
        Question question,
        AskedMeasures.Found asked,
        IReadOnlyList<string> words,
        IReadOnlyList<(Measure Measure, MeasureStanding Standing)> measures,
        CouncilCatalogue council,
        Uri tab
    )
    {
        var lines = CommentarySearch.Find(words, question.Time, measures, council);
        var when = question.Time is { } t ? $" {t.Words}" : string.Empty;
        var quoted = $"\"{question.Words}\"";
        var summary =
            lines.Count == 0
                ? $"Nothing said{when} in {asked.Name}'s latest updates mentions {quoted}. I search the commentary and "
                    + $"action notes of each measure's last {MeasureStanding.WithCommentary} updates; the quarterly "
                    + "report has every one (\"quarterly report Q2\")."
                : $"{Count(lines.Count, "update")} mention {quoted}, newest first.";
        return View($"Said about {quoted}{when}: {AskedMeasures.Capital(asked.Name)}", summary, lines, tab);
    }

    private static AnswerListView View(string title, string summary, IReadOnlyList<AnswerLine> lines, Uri tab) =>
        new(
            title,
            summary,
            [.. lines.Take(AnswerListCard.MaxLines)],
            Math.Max(0, lines.Count - AnswerListCard.MaxLines),
            ("See them on the Performance tab", tab)
        );

    private static string Count(int count, string what) => count == 1 ? $"1 {what}" : $"{count} {what}s";
}
