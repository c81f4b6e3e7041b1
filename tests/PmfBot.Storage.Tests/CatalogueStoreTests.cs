using Azure.Data.Tables;
using PmfBot.Domain.Catalogue;
using PmfBot.Storage.Catalogue;

namespace PmfBot.Storage.Tests;

public class CatalogueStoreTests : StorageTestBase
{
    [Fact]
    public async Task TryWriteAsync_ThenLoad_RoundTripsEveryField()
    {
        var store = new CatalogueStore(Storage.Tables);
        var editor = await store.OpenAsync(default);
        var activity = new PlanActivity
        {
            Code = "food-waste", Title = "Roll out food waste collections", ServiceCode = "waste", Owner = Samples.Owner,
            DueDate = new DateOnly(2027, 3, 31), Status = PlanActivityStatus.AtRisk, Commentary = "Vehicles late",
            Milestones = [new Milestone("West | first", new DateOnly(2026, 9, 30), PlanActivityStatus.Completed)],
            PriorityCodes = ["greener"],
        };
        var change = new CatalogueChange
        {
            Departments = [Samples.Place],
            Services = [Samples.Waste],
            Priorities = [new CorporatePriority("greener", "A greener district")],
            People = [new Person(Samples.Owner, "Sam Taylor", "aad-sam"), new Person(Samples.Chief, "Priya Shah")],
            Measures = [Samples.Recycling],
            Activities = [activity],
        };

        Assert.Equal(CatalogueWriteOutcome.Written, await editor.TryWriteAsync(change, default));
        var loaded = await store.LoadAsync(default);

        Assert.Equal([Samples.Place], loaded.Departments);
        Assert.Equal([Samples.Waste], loaded.Services);
        Assert.Equal("Sam Taylor", loaded.FindPerson(Samples.Owner)!.Name);
        Assert.Equal("aad-sam", loaded.FindPerson(Samples.Owner)!.AadObjectId);
        var measure = Assert.Single(loaded.Measures);
        var expected = Samples.Recycling;
        Assert.Equal(expected.Reference, measure.Reference);
        Assert.True(expected.Targets.SameAs(measure.Targets));
        Assert.Equal(expected.Delegates, measure.Delegates);
        Assert.Equal(expected.PriorityCodes, measure.PriorityCodes);
        Assert.Equal(expected with { Targets = measure.Targets, Delegates = measure.Delegates, PriorityCodes = measure.PriorityCodes }, measure);
        var loadedActivity = Assert.Single(loaded.Activities);
        Assert.Equal(activity.Milestones, loadedActivity.Milestones);
        Assert.Equal(activity with { Milestones = loadedActivity.Milestones, PriorityCodes = loadedActivity.PriorityCodes }, loadedActivity);
    }

    [Fact]
    public async Task LoadAsync_KeepsTheCatalogueInMemory_UntilAnotherInstanceChangesIt()
    {
        var thisInstance = new CatalogueStore(Storage.Tables);
        var otherInstance = new CatalogueStore(Storage.Tables);
        await (await otherInstance.OpenAsync(default)).TryWriteAsync(new CatalogueChange { People = [new Person(Samples.Owner, "Sam Taylor")] }, default);

        var first = await thisInstance.LoadAsync(default);
        var unchanged = await thisInstance.LoadAsync(default);
        await (await otherInstance.OpenAsync(default)).TryWriteAsync(new CatalogueChange { People = [new Person(Samples.Owner, "Samantha Taylor")] }, default);
        var changed = await thisInstance.LoadAsync(default);

        Assert.Same(first, unchanged);
        Assert.Equal("Samantha Taylor", changed.FindPerson(Samples.Owner)!.Name);
    }

    [Fact]
    public async Task TryWriteAsync_TakesAtMost99Items_OneTransactionSlotIsTheVersionRow()
    {
        var editor = await new CatalogueStore(Storage.Tables).OpenAsync(default);
        var people = Enumerable.Range(0, 100).Select(i => new Person(PersonId.Parse($"p{i}@demo.gov.uk"), $"Person {i}")).ToList();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => editor.TryWriteAsync(new CatalogueChange { People = people }, default));
        Assert.Equal(CatalogueWriteOutcome.Written, await editor.TryWriteAsync(new CatalogueChange { People = people[..CatalogueEditor.MaxChange] }, default));
        Assert.Equal(99, (await new CatalogueStore(Storage.Tables).LoadAsync(default)).People.Count);
    }

    [Fact]
    public async Task TryWriteAsync_SecondChangeThroughTheSameEditor_UsesTheNewVersions()
    {
        var editor = await new CatalogueStore(Storage.Tables).OpenAsync(default);
        await editor.TryWriteAsync(new CatalogueChange { People = [new Person(Samples.Owner, "Sam Taylor")] }, default);

        var outcome = await editor.TryWriteAsync(new CatalogueChange { People = [new Person(Samples.Owner, "Samantha Taylor")] }, default);

        Assert.Equal(CatalogueWriteOutcome.Written, outcome);
        Assert.Equal("Samantha Taylor", editor.Catalogue.FindPerson(Samples.Owner)!.Name);
        Assert.Equal("Samantha Taylor", (await new CatalogueStore(Storage.Tables).LoadAsync(default)).FindPerson(Samples.Owner)!.Name);
    }

    [Fact]
    public async Task TryWriteAsync_SomeoneElseChangedAnItem_WritesNothing()
    {
        var store = new CatalogueStore(Storage.Tables);
        await (await store.OpenAsync(default)).TryWriteAsync(new CatalogueChange { Departments = [Samples.Place] }, default);
        var mine = await store.OpenAsync(default);
        var theirs = await store.OpenAsync(default);
        await theirs.TryWriteAsync(new CatalogueChange { Departments = [Samples.Place with { Name = "Place & Economy" }] }, default);

        var outcome = await mine.TryWriteAsync(
            new CatalogueChange { Services = [Samples.Waste], Departments = [Samples.Place with { Name = "Place (mine)" }] }, default);

        Assert.Equal(CatalogueWriteOutcome.ChangedByOthers, outcome);
        var stored = await store.LoadAsync(default);
        Assert.Equal("Place & Economy", Assert.Single(stored.Departments).Name);
        Assert.Empty(stored.Services); // the whole change was refused, not half of it
    }

    [Fact]
    public async Task TryWriteAsync_SomeoneElseAddedTheSameItem_WritesNothing()
    {
        var store = new CatalogueStore(Storage.Tables);
        var mine = await store.OpenAsync(default);
        await (await store.OpenAsync(default)).TryWriteAsync(new CatalogueChange { Services = [Samples.Waste] }, default);

        Assert.Equal(CatalogueWriteOutcome.ChangedByOthers, await mine.TryWriteAsync(new CatalogueChange { Services = [Samples.Waste], Departments = [Samples.Place] }, default));
        Assert.Empty((await store.LoadAsync(default)).Departments);
    }

    [Fact]
    public async Task Load_IgnoresOtherKindsOfRowInThePartition()
    {
        // A kind this version doesn't know (written by a newer one) must not break reading.
        await Storage.Tables.Catalogue.AddEntityAsync(new TableEntity(CatalogueEntity.Partition, "zzfuture|x") { ["Name"] = "?" });
        await Storage.Tables.Catalogue.AddEntityAsync(new TableEntity(CatalogueEntity.Partition, "measures|x") { ["Name"] = "?" });
        await (await new CatalogueStore(Storage.Tables).OpenAsync(default)).TryWriteAsync(new CatalogueChange { Measures = [Samples.Recycling] }, default);

        Assert.Single((await new CatalogueStore(Storage.Tables).LoadAsync(default)).Measures);
    }
}
