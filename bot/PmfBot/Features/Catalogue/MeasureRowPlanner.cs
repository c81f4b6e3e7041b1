using System.Globalization;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using C = PmfBot.Features.Catalogue.CatalogueColumns;

namespace PmfBot.Features.Catalogue;

/// <summary>The plan for one row: the catalogue change that applies it whole, or every reason it is refused.</summary>
public abstract record RowPlan
{
    private RowPlan() { }

    public sealed record Apply(CatalogueChange Change, RowOutcome Outcome, IReadOnlyList<string> Details) : RowPlan;

    public sealed record Refuse(IReadOnlyList<string> Reasons) : RowPlan;
}

/// <summary>
/// Turns one catalogue spreadsheet row into a measure (plus any new department, service, priority
/// or person it needs), checked against the catalogue as it stands, or into reasons for refusal.
/// Every problem in the row is reported at once, so the team can fix the sheet in one go.
/// </summary>
public static class MeasureRowPlanner
{
    public static RowPlan Plan(SheetRow row, CouncilCatalogue catalogue, Margin defaultTolerance)
    {
        var r = new RowReading(row, catalogue);
        r.Problems.AddRange(C.Required.Where(c => !r.Has(c)).Select(c => $"{c} is missing"));

        var reference = r.Read<MeasureReference>(
            C.Reference,
            MeasureReference.TryParse,
            default,
            $"reference \"{r[C.Reference]}\" may hold only letters, digits, spaces, '.', '-' (up to 20 characters)"
        );
        if (r[C.Title].Length > 250)
        {
            r.Problems.Add("title is over 250 characters");
        }

        var unit = r.Read<MeasureUnit>(
            C.Unit,
            MeasureUnit.TryParse,
            MeasureUnit.Number,
            $"unknown unit \"{r[C.Unit]}\" (use %, number, days, £, ratio, or a word such as kg or visits)"
        );
        var decimals = r.Read(
            C.Decimals,
            (string text, out int d) =>
                int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out d) && d <= Measure.MaxDecimals,
            unit.Kind is UnitKind.Percentage or UnitKind.Days or UnitKind.Ratio ? 1 : 0,
            $"decimals \"{r[C.Decimals]}\" must be a whole number from 0 to {Measure.MaxDecimals}"
        );
        var polarity = r.Read<Polarity>(
            C.Polarity,
            PolarityText.TryParse,
            Polarity.None,
            $"unknown \"{C.Polarity}\" value \"{r[C.Polarity]}\" (use higher, lower or none)"
        );
        var frequency = r.Read<Frequency>(
            C.Frequency,
            FrequencyText.TryParse,
            Frequency.Monthly,
            $"unknown frequency \"{r[C.Frequency]}\" (use monthly, quarterly, half-yearly or annual)"
        );
        var targets = ReadTargets(r, frequency);
        var accumulation = r.Read<Accumulation>(
            C.Cumulative,
            AccumulationText.TryParse,
            Accumulation.PerPeriod,
            $"cumulative \"{r[C.Cumulative]}\" not understood (use \"year to date\", or leave it empty)"
        );
        var tolerance = r.Read<Margin>(
            C.Tolerance,
            Margin.TryParse,
            defaultTolerance,
            $"tolerance \"{r[C.Tolerance]}\" must be a percentage (5%) or an amount (2.5)"
        );
        var activeFrom = r.Date(C.ActiveFrom);
        var activeTo = r.Date(C.ActiveTo);
        if (activeFrom > activeTo)
        {
            r.Problems.Add("active from is after active to");
        }

        var deadlineRule = r.Read<DeadlineRule?>(
            C.Deadline,
            DeadlineRule.TryParse,
            null,
            $"deadline \"{r[C.Deadline]}\" not understood (e.g. 10th, 10th next-working-day, 5th working day, end of "
                + "month, 15 days)"
        );

        var structure = RowStructure.Read(r);
        var owner = r.Person(C.Owner);
        var delegates = RowReading
            .Split(r[C.Delegates])
            .Select(d => r.Person(d, C.Delegates))
            .OfType<PersonId>()
            .ToList();
        var escalationOwner = r.Person(C.EscalationOwner) ?? structure.ChiefOfficer;
        if (escalationOwner is null && r.Has(C.Department) && r.Problems.Count == 0)
        {
            r.Problems.Add($"no {C.EscalationOwner} and the department has no chief officer");
        }

        if (r.Problems.Count > 0)
        {
            return new RowPlan.Refuse(r.Problems);
        }

        var measure = new Measure
        {
            Reference = reference,
            Title = r[C.Title].Trim(),
            ServiceCode = structure.ServiceCode,
            Unit = unit,
            Decimals = decimals,
            Polarity = polarity,
            Frequency = frequency,
            Targets = targets,
            Accumulation = accumulation,
            Tolerance = tolerance,
            Owner = owner!.Value,
            Delegates = delegates,
            EscalationOwner = escalationOwner!.Value,
            PriorityCodes = structure.PriorityCodes,
            ActiveFrom = activeFrom,
            ActiveTo = activeTo,
            DeadlineRule = deadlineRule,
        };

        var existing = catalogue.FindMeasure(reference);
        var changedFields = existing is null ? [] : MeasureDiff.ChangedFields(existing, measure);
        var people = r.PeopleToWrite();
        r.Notes.AddRange(
            people.Select(p =>
                catalogue.FindPerson(p.Id) is null ? $"new person {p.Name}" : $"{p.Id}: name now {p.Name}"
            )
        );

        var change = new CatalogueChange
        {
            Departments = structure.DepartmentChange is { } d ? [d] : [],
            Services = structure.ServiceChange is { } s ? [s] : [],
            Priorities = structure.NewPriorities,
            People = people,
            Measures = existing is null || changedFields.Count > 0 ? [measure] : [],
        };
        var outcome =
            existing is null ? RowOutcome.Added
            : change.Count > 0 ? RowOutcome.Changed
            : RowOutcome.Unchanged;
        return new RowPlan.Apply(change, outcome, [.. changedFields.Select(f => $"{f} changed"), .. r.Notes]);
    }

    private static TargetSchedule ReadTargets(RowReading r, Frequency frequency)
    {
        if (!TargetSchedule.TryParse(r[C.Target], out var targets, out var problem))
        {
            r.Problems.Add(problem!);
            return TargetSchedule.None;
        }

        if (
            targets
                .ByPeriod.Keys.Where(p => p.Kind != frequency.PeriodKind())
                .Cast<ReportingPeriod?>()
                .FirstOrDefault() is
            { } wrongKind
        )
        {
            r.Problems.Add($"profiled target for {wrongKind} does not match a {frequency.ToText()} measure");
        }

        return targets;
    }
}
