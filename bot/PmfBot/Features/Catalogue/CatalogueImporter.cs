using PmfBot.Domain.Catalogue;
using PmfBot.Storage.Catalogue;

namespace PmfBot.Features.Catalogue;

/// <summary>
/// Imports the performance team's catalogue spreadsheet: each row applied whole or refused whole,
/// with a row-by-row report. A dry run plans exactly the same way and writes nothing.
/// </summary>
public sealed class CatalogueImporter(CatalogueStore store)
{
    public async Task<ImportReport> ImportAsync(
        TabularFile file,
        string source,
        bool dryRun,
        Margin defaultTolerance,
        CancellationToken cancellationToken
    )
    {
        var missingColumns = CatalogueColumns
            .Required.Where(c => !file.Headers.Contains(c, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (missingColumns.Count > 0)
        {
            return new ImportReport(
                source,
                dryRun,
                [],
                [
                    $"The header row has no {string.Join(", ", missingColumns)} "
                        + $"column{(missingColumns.Count > 1 ? "s" : string.Empty)}. Expected: "
                        + $"{string.Join(", ", CatalogueColumns.All)}.",
                ]
            );
        }

        var editor = await store.OpenAsync(cancellationToken);
        var catalogue = editor.Catalogue;
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var reports = new List<ImportRowReport>();

        foreach (var row in file.Rows)
        {
            var reference = row[CatalogueColumns.Reference];
            if (MeasureReference.TryParse(reference, out var parsed) && !firstRowOf.TryAdd(parsed.Key, row.Number))
            {
                reports.Add(
                    new ImportRowReport(
                        row.Number,
                        reference,
                        RowOutcome.Refused,
                        [$"duplicate reference {parsed}: already on row {firstRowOf[parsed.Key]}"]
                    )
                );
                continue;
            }

            var plan = MeasureRowPlanner.Plan(row, catalogue, defaultTolerance);
            if (plan is RowPlan.Refuse refuse)
            {
                reports.Add(new ImportRowReport(row.Number, reference, RowOutcome.Refused, refuse.Reasons));
                continue;
            }

            var apply = (RowPlan.Apply)plan;
            if (
                !dryRun
                && await editor.TryWriteAsync(apply.Change, cancellationToken) == CatalogueWriteOutcome.ChangedByOthers
            )
            {
                reports.Add(
                    new ImportRowReport(
                        row.Number,
                        reference,
                        RowOutcome.Refused,
                        [
                            "someone changed the catalogue while this import ran; nothing was written for this row: "
                                + "run the import again",
                        ]
                    )
                );
                continue;
            }

            catalogue = catalogue.With(apply.Change);
            reports.Add(new ImportRowReport(row.Number, reference, apply.Outcome, apply.Details));
        }

        return new ImportReport(source, dryRun, reports, []);
    }
}
