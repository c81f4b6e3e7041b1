namespace PmfBot.Cards;

/// <summary>The Action.Execute verbs PmfBot's cards send, in one place.</summary>
public static class Verbs
{
    public const string Help = "help";
    public const string MyMeasures = "myMeasures";
}
