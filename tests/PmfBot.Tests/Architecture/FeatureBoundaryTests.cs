using System.Text.RegularExpressions;
using PmfBot.Testing;

namespace PmfBot.Tests.Architecture;

/// <summary>
/// A feature folder uses Domain, Storage, Cards and the shared folders (Delivery, Measures,
/// Council, Wording, Standings, Events), not another feature: features meet through events. Read
/// from the source, as its next owner would: a type declared in one feature's folder, named in
/// another's.
/// </summary>
public partial class FeatureBoundaryTests
{
    [Fact]
    public void NoFeatureImportsOrUsesAnotherFeaturesTypes()
    {
        var root = Repo.Path("bot", "PmfBot", "Features");
        var features = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().ToList();
        var sources = features.ToDictionary(f => f, f => Directory
            .GetFiles(Path.Combine(root, f), "*.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .ToList());
        var declared = features.ToDictionary(f => f, f => sources[f]
            .SelectMany(text => Declaration().Matches(text).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal));

        var crossings = new List<string>();
        foreach (var feature in features)
        {
            foreach (var other in features.Where(o => o != feature))
            {
                var importing = $"using PmfBot.Features.{other};";
                var imported = sources[feature].Any(text => text.Contains(importing, StringComparison.Ordinal));
                if (imported)
                {
                    crossings.Add($"{feature} imports {other}");
                }

                foreach (var type in declared[other].Where(t => !declared[feature].Contains(t)))
                {
                    var qualified = new Regex($@"\b{other}\.{type}\b");
                    var bare = new Regex($@"(?<![\w.]){type}\b");
                    if (sources[feature].Any(text => qualified.IsMatch(text) || (imported && bare.IsMatch(text))))
                    {
                        crossings.Add($"{feature} -> {other}: {type}");
                    }
                }
            }
        }

        Assert.True(crossings.Count == 0, $"A feature uses another's types: {string.Join("; ", crossings)}");
    }

    [GeneratedRegex(@"\b(?:class|record|enum|interface|struct)\s+(?<name>[A-Z]\w+)")]
    private static partial Regex Declaration();
}
