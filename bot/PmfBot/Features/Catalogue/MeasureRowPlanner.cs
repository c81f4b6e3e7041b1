using System.Globalization;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using C = PmfBot.Features.Catalogue.CatalogueColumns;

namespace PmfBot.Features.Catalogue;

/// <summary>The plan for one row: the catalogue change that applies it whole, or every reason it is refused.</summary>
public abstract record RowPlan
{
    private RowPlan()
    {
    }

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
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "d MMM yyyy", "d MMMM yyyy"];

    public static RowPlan Plan(SheetRow row, Domain.Catalogue.Catalogue catalogue, Margin defaultTolerance)
    {
        var reasons = new List<string>();
        var people = new Dictionary<PersonId, Person>();
        var notes = new List<string>();

        foreach (var column in C.Required.Where(c => string.IsNullOrWhiteSpace(row[c])))
        {
            reasons.Add($"{column} is missing");
        }

        MeasureReference reference = default;
        if (row[C.Reference].Length > 0 && !MeasureReference.TryParse(row[C.Reference], out reference))
        {
            reasons.Add($"reference \"{row[C.Reference]}\" may hold only letters, digits, spaces, '.', '-' (up to 20 characters)");
        }

        if (row[C.Title].Length > 250)
        {
            reasons.Add("title is over 250 characters");
        }

        MeasureUnit unit = MeasureUnit.Number;
        if (row[C.Unit].Length > 0 && !MeasureUnit.TryParse(row[C.Unit], out unit))
        {
            reasons.Add($"unknown unit \"{row[C.Unit]}\" (use %, number, days, £, ratio, or a word such as kg or visits)");
        }

        var decimals = unit.Kind is UnitKind.Percentage or UnitKind.Days or UnitKind.Ratio ? 1 : 0;
        if (row[C.Decimals].Length > 0 && (!int.TryParse(row[C.Decimals], NumberStyles.None, CultureInfo.InvariantCulture, out decimals) || decimals > Measure.MaxDecimals))
        {
            reasons.Add($"decimals \"{row[C.Decimals]}\" must be a whole number from 0 to {Measure.MaxDecimals}");
        }

        var polarity = Polarity.None;
        if (row[C.Polarity].Length > 0 && !PolarityText.TryParse(row[C.Polarity], out polarity))
        {
            reasons.Add($"unknown \"{C.Polarity}\" value \"{row[C.Polarity]}\" (use higher, lower or none)");
        }

        var frequency = Frequency.Monthly;
        if (row[C.Frequency].Length > 0 && !FrequencyText.TryParse(row[C.Frequency], out frequency))
        {
            reasons.Add($"unknown frequency \"{row[C.Frequency]}\" (use monthly, quarterly, half-yearly or annual)");
        }

        if (!TargetSchedule.TryParse(row[C.Target], out var targets, out var targetProblem))
        {
            reasons.Add(targetProblem!);
        }
        else if (targets.ByPeriod.Keys.Where(p => p.Kind != frequency.PeriodKind()).Cast<ReportingPeriod?>().FirstOrDefault() is { } wrongKind)
        {
            reasons.Add($"profiled target for {wrongKind} does not match a {frequency.ToText()} measure");
        }

        var tolerance = defaultTolerance;
        if (row[C.Tolerance].Length > 0 && !Margin.TryParse(row[C.Tolerance], out tolerance))
        {
            reasons.Add($"tolerance \"{row[C.Tolerance]}\" must be a percentage (5%) or an amount (2.5)");
        }

        var activeFrom = ReadDate(row, C.ActiveFrom, reasons);
        var activeTo = ReadDate(row, C.ActiveTo, reasons);
        if (activeFrom > activeTo)
        {
            reasons.Add("active from is after active to");
        }

        DeadlineRule? deadlineRule = null;
        if (row[C.Deadline].Length > 0 && !DeadlineRule.TryParse(row[C.Deadline], out deadlineRule))
        {
            reasons.Add($"deadline \"{row[C.Deadline]}\" not understood (e.g. 10th, 10th next-working-day, 5th working day, end of month, 15 days)");
        }

        // Structure: department, service, priorities.
        var departmentCode = CatalogueCode.FromName(row[C.Department]);
        var department = catalogue.FindDepartment(departmentCode);
        var chiefOfficer = ReadPerson(row, C.ChiefOfficer, catalogue, people, reasons);
        Department? departmentChange = null;
        if (row[C.Department].Length > 0)
        {
            if (department is null && chiefOfficer is null)
            {
                reasons.Add($"department \"{row[C.Department]}\" is new: give its {C.ChiefOfficer}");
            }
            else if (chiefOfficer is { } chief && (department is null || department.ChiefOfficer != chief))
            {
                departmentChange = new Department(departmentCode, department?.Name ?? row[C.Department].Trim(), chief);
                notes.Add(department is null ? $"new department {departmentChange.Name}" : $"department {department.Name}: chief officer changed");
            }
        }

        var serviceCode = CatalogueCode.FromName(row[C.Service]);
        var service = catalogue.FindService(serviceCode);
        var headOfService = ReadPerson(row, C.HeadOfService, catalogue, people, reasons);
        Service? serviceChange = null;
        if (row[C.Service].Length > 0 && row[C.Department].Length > 0)
        {
            if (service is not null && service.DepartmentCode != departmentCode)
            {
                var owningDepartment = catalogue.FindDepartment(service.DepartmentCode)?.Name ?? service.DepartmentCode;
                reasons.Add($"service {service.Name} belongs to {owningDepartment}, not {row[C.Department].Trim()}");
            }
            else if (service is null || (headOfService is { } head && service.HeadOfService != head))
            {
                serviceChange = new Service(serviceCode, service?.Name ?? row[C.Service].Trim(), departmentCode, headOfService ?? service?.HeadOfService);
                notes.Add(service is null ? $"new service {serviceChange.Name}" : $"service {service.Name}: head of service changed");
            }
        }

        var priorities = new List<CorporatePriority>();
        foreach (var name in Split(row[C.Priorities]))
        {
            var code = CatalogueCode.FromName(name);
            if (code.Length == 0)
            {
                reasons.Add($"priority \"{name}\" has no letters or digits");
            }
            else if (catalogue.Priorities.All(p => p.Code != code) && priorities.All(p => p.Code != code))
            {
                priorities.Add(new CorporatePriority(code, name));
                notes.Add($"new priority {name}");
            }
        }

        var owner = ReadPerson(row, C.Owner, catalogue, people, reasons);
        var delegates = Split(row[C.Delegates]).Select(d => ReadPerson(d, C.Delegates, catalogue, people, reasons)).OfType<PersonId>().ToList();
        var escalationOwner = ReadPerson(row, C.EscalationOwner, catalogue, people, reasons)
            ?? departmentChange?.ChiefOfficer ?? department?.ChiefOfficer;
        if (escalationOwner is null && row[C.Department].Length > 0 && reasons.Count == 0)
        {
            reasons.Add($"no {C.EscalationOwner} and the department has no chief officer");
        }

        if (reasons.Count > 0)
        {
            return new RowPlan.Refuse(reasons);
        }

        var measure = new Measure
        {
            Reference = reference,
            Title = row[C.Title].Trim(),
            ServiceCode = serviceCode,
            Unit = unit,
            Decimals = decimals,
            Polarity = polarity,
            Frequency = frequency,
            Targets = targets,
            Tolerance = tolerance,
            Owner = owner!.Value,
            Delegates = delegates,
            EscalationOwner = escalationOwner!.Value,
            PriorityCodes = [.. Split(row[C.Priorities]).Select(CatalogueCode.FromName).Distinct()],
            ActiveFrom = activeFrom,
            ActiveTo = activeTo,
            DeadlineRule = deadlineRule,
        };

        var existing = catalogue.FindMeasure(reference);
        var changedFields = existing is null ? [] : MeasureDiff.ChangedFields(existing, measure);
        var peopleChanges = people.Values.Where(p => catalogue.FindPerson(p.Id) is not { } known || known.Name != p.Name).ToList();
        notes.AddRange(peopleChanges.Select(p => catalogue.FindPerson(p.Id) is null ? $"new person {p.Name}" : $"{p.Id}: name now {p.Name}"));

        var change = new CatalogueChange
        {
            Departments = departmentChange is null ? [] : [departmentChange],
            Services = serviceChange is null ? [] : [serviceChange],
            Priorities = priorities,
            People = peopleChanges,
            Measures = existing is null || changedFields.Count > 0 ? [measure] : [],
        };
        var outcome = existing is null ? RowOutcome.Added : change.Count > 0 ? RowOutcome.Changed : RowOutcome.Unchanged;
        return new RowPlan.Apply(change, outcome, [.. changedFields.Select(f => $"{f} changed"), .. notes]);
    }

    private static PersonId? ReadPerson(SheetRow row, string column, Domain.Catalogue.Catalogue catalogue, Dictionary<PersonId, Person> people, List<string> reasons) =>
        row[column].Length == 0 ? null : ReadPerson(row[column], column, catalogue, people, reasons);

    private static PersonId? ReadPerson(string text, string column, Domain.Catalogue.Catalogue catalogue, Dictionary<PersonId, Person> people, List<string> reasons)
    {
        if (!PersonCell.TryParse(text, out var id, out var name))
        {
            reasons.Add($"{column} \"{text}\" is not an email address (write Name <email>)");
            return null;
        }

        var known = catalogue.FindPerson(id);
        if (name is not null)
        {
            people[id] = new Person(id, name, known?.AadObjectId);
        }
        else if (known is null && !people.ContainsKey(id))
        {
            reasons.Add($"{column} {id} is not known yet: write it as Name <{id}>");
            return null;
        }

        return id;
    }

    private static DateOnly? ReadDate(SheetRow row, string column, List<string> reasons)
    {
        if (row[column].Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(row[column], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        reasons.Add($"{column} \"{row[column]}\" is not a date (use 2026-04-01 or 01/04/2026)");
        return null;
    }

    private static string[] Split(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
