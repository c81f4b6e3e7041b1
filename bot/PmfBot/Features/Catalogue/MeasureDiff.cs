using PmfBot.Domain.Catalogue;

namespace PmfBot.Features.Catalogue;

/// <summary>Which of a measure's fields differ, named as the spreadsheet names them.</summary>
public static class MeasureDiff
{
    public static IReadOnlyList<string> ChangedFields(Measure before, Measure after)
    {
        var changed = new List<string>();
        void Check(bool same, string column)
        {
            if (!same)
            {
                changed.Add(column.ToLowerInvariant());
            }
        }

        Check(before.Title == after.Title, CatalogueColumns.Title);
        Check(before.ServiceCode == after.ServiceCode, CatalogueColumns.Service);
        Check(before.Unit == after.Unit, CatalogueColumns.Unit);
        Check(before.Decimals == after.Decimals, CatalogueColumns.Decimals);
        Check(before.Polarity == after.Polarity, CatalogueColumns.Polarity);
        Check(before.Frequency == after.Frequency, CatalogueColumns.Frequency);
        Check(before.Targets.SameAs(after.Targets), CatalogueColumns.Target);
        Check(before.Tolerance == after.Tolerance, CatalogueColumns.Tolerance);
        Check(before.Owner == after.Owner, CatalogueColumns.Owner);
        Check(before.Delegates.SequenceEqual(after.Delegates), CatalogueColumns.Delegates);
        Check(before.EscalationOwner == after.EscalationOwner, CatalogueColumns.EscalationOwner);
        Check(before.PriorityCodes.SequenceEqual(after.PriorityCodes), CatalogueColumns.Priorities);
        Check(before.ActiveFrom == after.ActiveFrom, CatalogueColumns.ActiveFrom);
        Check(before.ActiveTo == after.ActiveTo, CatalogueColumns.ActiveTo);
        Check(Equals(before.DeadlineRule, after.DeadlineRule), CatalogueColumns.Deadline);
        Check(before.Accumulation == after.Accumulation, CatalogueColumns.Cumulative);
        return changed;
    }
}
