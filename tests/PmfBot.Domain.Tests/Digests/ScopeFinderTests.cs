using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;

namespace PmfBot.Domain.Tests.Digests;

public class ScopeFinderTests
{
    private static readonly PersonId Chief = PersonId.Parse("chief@demo.gov.uk");

    private static readonly CouncilCatalogue Council = new(
        [new Department("place", "Place", Chief), new Department("resources", "Resources", Chief)],
        [
            new Service("waste", "Waste", "place"), new Service("planning", "Planning", "place"), new Service("planning-policy", "Planning Policy", "place"),
            new Service("housing", "Housing", "place"), new Service("revenues-benefits", "Revenues & Benefits", "resources"),
            new Service("information-governance", "Information Governance", "resources"), new Service("hr", "HR", "resources"),
        ],
        [], [], [], []);

    [Theory]
    [InlineData("Waste", "service|waste")]
    [InlineData("waste services", "service|waste")]
    [InlineData("the Place department", "department|place")]
    [InlineData("place", "department|place")]
    [InlineData("Planning", "service|planning")]
    [InlineData("planning policy", "service|planning-policy")]
    [InlineData("Revenues and Benefits", "service|revenues-benefits")]
    [InlineData("revs & bens", "service|revenues-benefits")]
    [InlineData("benefits", "service|revenues-benefits")]
    [InlineData("info gov", "service|information-governance")]
    [InlineData("Information Governence", "service|information-governance")]
    [InlineData("Huosing", "service|housing")]
    [InlineData("Planing", "service|planning")]
    [InlineData("hr", "service|hr")]
    [InlineData("the council", "council")]
    [InlineData("everything", "council")]
    public void FindsWhatPeopleMean(string typed, string key)
    {
        var match = Assert.IsType<ScopeMatch.Found>(ScopeFinder.Find(typed, Council));
        Assert.Equal(key, match.Scope.Key);
    }

    [Fact]
    public void AsksWhenTwoFit()
    {
        var unsure = Assert.IsType<ScopeMatch.Unsure>(ScopeFinder.Find("plan", Council));
        Assert.Equal(["service|planning", "service|planning-policy"], unsure.Choices.Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("leisure")]
    [InlineData("department")]
    [InlineData("   ")]
    public void SaysWhenNothingFits(string typed) => Assert.IsType<ScopeMatch.NotFound>(ScopeFinder.Find(typed, Council));
}
