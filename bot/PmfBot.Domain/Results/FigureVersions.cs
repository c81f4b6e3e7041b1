using System.Collections;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Status;

namespace PmfBot.Domain.Results;

/// <summary>A figure as it stood before a correction replaced it: what people saw until then.</summary>
public sealed record FigureVersion(
    int Version,
    decimal Value,
    RagStatus? Rag,
    DirectionOfTravel VsPrevious,
    DirectionOfTravel VsSamePeriodLastYear,
    PersonId RecordedBy,
    DateTimeOffset RecordedAt
)
{
    public static FigureVersion Of(MeasureResult figure) =>
        new(
            figure.Version,
            figure.Value,
            figure.Rag,
            figure.VsPrevious,
            figure.VsSamePeriodLastYear,
            figure.RecordedBy,
            figure.RecordedAt
        );
}

/// <summary>
/// A figure's earlier versions, oldest first, so that what was known at any moment can be told again (a digest's
/// "a week ago"). Equal when they hold the same versions, so two copies of a figure compare as equal.
/// </summary>
public sealed class FigureVersions : IReadOnlyList<FigureVersion>, IEquatable<FigureVersions>
{
    private readonly FigureVersion[] _versions;

    public FigureVersions(IEnumerable<FigureVersion> versions) => _versions = [.. versions.OrderBy(v => v.Version)];

    public static FigureVersions None { get; } = new([]);

    public int Count => _versions.Length;

    public FigureVersion this[int index] => _versions[index];

    /// <summary>These, and the figure a correction is replacing.</summary>
    public FigureVersions Then(MeasureResult replaced) => new([.. _versions, FigureVersion.Of(replaced)]);

    public IEnumerator<FigureVersion> GetEnumerator() => ((IEnumerable<FigureVersion>)_versions).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(FigureVersions? other) => other is not null && _versions.SequenceEqual(other._versions);

    public override bool Equals(object? obj) => Equals(obj as FigureVersions);

    public override int GetHashCode() => _versions.Length == 0 ? 0 : HashCode.Combine(_versions.Length, _versions[^1]);
}
