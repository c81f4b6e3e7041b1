using PmfBot.Bot;

namespace PmfBot.Features.Questions;

public static class QuestionsStartup
{
    public static IServiceCollection AddQuestions(this IServiceCollection services) =>
        services.AddSingleton<QuestionCommands>();

    /// <summary>Questions in plain words: tried after every other reader, so it never takes their text.</summary>
    public static TurnRouter MapQuestions(this TurnRouter router, IServiceProvider services)
    {
        var questions = services.GetRequiredService<QuestionCommands>();
        return router.OnVerb(Cards.Verbs.ShowMeasure, questions.ShowAsync).OnFreeText(questions.TypedAsync);
    }
}
