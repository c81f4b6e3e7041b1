using PmfBot.Storage.Results;

namespace PmfBot.Storage.Tests;

public class TableLimitsTests
{
    [Fact]
    public void EnsureFits_StringOver64KiB_Throws()
    {
        var entity = new AuditEntity { PartitionKey = "NI 192", RowKey = "audit|x", NewCommentary = new string('x', TableLimits.MaxStringChars + 1) };
        var error = Assert.Throws<ArgumentException>(() => TableLimits.EnsureFits(entity));
        Assert.Contains("NewCommentary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureFits_EntityOver1MiB_Throws()
    {
        var big = new string('x', TableLimits.MaxStringChars);
        var properties = Enumerable.Range(0, 17).ToDictionary(i => $"P{i}", object? (_) => big);
        Assert.Throws<ArgumentException>(() => TableLimits.EnsureFits(new AuditEntity { PartitionKey = "p", RowKey = "r" }, properties));
    }

    [Fact]
    public void EnsureFits_Ordinary_Passes()
    {
        var entity = new ResultEntity { PartitionKey = "NI 192", RowKey = "result|FY2026-Q2", Commentary = new string('x', 4000) };
        Assert.Same(entity, TableLimits.EnsureFits(entity));
    }

    [Fact]
    public void Batches_SplitsAtAHundred_AndRefusesTwoPartitions()
    {
        var actions = Enumerable.Range(0, 250)
            .Select(i => new Azure.Data.Tables.TableTransactionAction(Azure.Data.Tables.TableTransactionActionType.Add, new ResultEntity { PartitionKey = "A", RowKey = $"r{i}" }))
            .ToList();
        Assert.Equal([100, 100, 50], TableLimits.Batches(actions).Select(b => b.Count));

        actions.Add(new(Azure.Data.Tables.TableTransactionActionType.Add, new ResultEntity { PartitionKey = "B", RowKey = "r" }));
        Assert.Throws<ArgumentException>(() => TableLimits.Batches(actions).ToList());
    }

}
