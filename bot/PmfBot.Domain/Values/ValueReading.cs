namespace PmfBot.Domain.Values;

/// <summary>The outcome of reading a figure. A closed set: <see cref="Accepted"/> or <see cref="Refused"/>.</summary>
public abstract record ValueReading
{
    private ValueReading() { }

    /// <param name="RoundedFrom">The figure as typed when it had more decimal places than the measure keeps.</param>
    public sealed record Accepted(decimal Value, decimal? RoundedFrom = null) : ValueReading;

    /// <param name="Reason">What is wrong, in words for the person who typed it.</param>
    /// <param name="Figure">
    /// The number, when it could be read and only its size is wrong (120 for a percentage): kept in the card's box.
    /// </param>
    public sealed record Refused(string Reason, decimal? Figure = null) : ValueReading;
}
