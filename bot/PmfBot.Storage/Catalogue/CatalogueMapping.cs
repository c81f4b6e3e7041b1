using System.Globalization;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;

namespace PmfBot.Storage.Catalogue;

/// <summary>Domain catalogue types to and from their table entities.</summary>
internal static class CatalogueMapping
{
    public static string RowKey(string kind, string code) => $"{kind}|{code}";

    public static string RowKeyOf(Department d) => RowKey(DepartmentEntity.Kind, d.Code);

    public static string RowKeyOf(Service s) => RowKey(ServiceEntity.Kind, s.Code);

    public static string RowKeyOf(CorporatePriority p) => RowKey(PriorityEntity.Kind, p.Code);

    public static string RowKeyOf(Person p) => RowKey(PersonEntity.Kind, p.Id.Value);

    public static string RowKeyOf(Measure m) => RowKey(MeasureEntity.Kind, m.Reference.Key);

    public static string RowKeyOf(PlanActivity a) => RowKey(PlanActivityEntity.Kind, a.Code);

    public static string CodeOf(CatalogueEntity entity) =>
        entity.RowKey[(entity.RowKey.IndexOf('|', StringComparison.Ordinal) + 1)..];

    public static DepartmentEntity ToEntity(Department d) =>
        new()
        {
            RowKey = RowKeyOf(d),
            Name = d.Name,
            ChiefOfficer = d.ChiefOfficer.Value,
        };

    public static Department ToDomain(DepartmentEntity e) => new(CodeOf(e), e.Name, PersonId.Parse(e.ChiefOfficer));

    public static ServiceEntity ToEntity(Service s) =>
        new()
        {
            RowKey = RowKeyOf(s),
            Name = s.Name,
            Department = s.DepartmentCode,
            HeadOfService = s.HeadOfService?.Value,
        };

    public static Service ToDomain(ServiceEntity e) =>
        new(CodeOf(e), e.Name, e.Department, e.HeadOfService is null ? null : PersonId.Parse(e.HeadOfService));

    public static PriorityEntity ToEntity(CorporatePriority p) => new() { RowKey = RowKeyOf(p), Title = p.Title };

    public static CorporatePriority ToDomain(PriorityEntity e) => new(CodeOf(e), e.Title);

    public static PersonEntity ToEntity(Person p) =>
        new()
        {
            RowKey = RowKeyOf(p),
            Name = p.Name,
            AadObjectId = p.AadObjectId,
        };

    public static Person ToDomain(PersonEntity e) => new(PersonId.Parse(CodeOf(e)), e.Name, e.AadObjectId);

    public static MeasureEntity ToEntity(Measure m) =>
        new()
        {
            RowKey = RowKeyOf(m),
            Reference = m.Reference.Value,
            Title = m.Title,
            Service = m.ServiceCode,
            Unit = m.Unit.ToText(),
            Decimals = m.Decimals,
            Polarity = m.Polarity.ToText(),
            Frequency = m.Frequency.ToText(),
            Targets = m.Targets.IsEmpty ? null : m.Targets.ToText(),
            Tolerance = m.Tolerance.ToString(),
            Owner = m.Owner.Value,
            Delegates = Join(m.Delegates.Select(d => d.Value)),
            EscalationOwner = m.EscalationOwner.Value,
            Priorities = Join(m.PriorityCodes),
            ActiveFrom = Date(m.ActiveFrom),
            ActiveTo = Date(m.ActiveTo),
            DeadlineRule = m.DeadlineRule?.ToText(),
            Accumulation = m.Accumulation == Accumulation.PerPeriod ? null : m.Accumulation.ToText(),
        };

    public static Measure ToDomain(MeasureEntity e)
    {
        // Stored values were validated on the way in; a failure here is corrupt data, so it throws.
        Check(MeasureUnit.TryParse(e.Unit, out var unit), e, nameof(e.Unit));
        Check(PolarityText.TryParse(e.Polarity, out var polarity), e, nameof(e.Polarity));
        Check(FrequencyText.TryParse(e.Frequency, out var frequency), e, nameof(e.Frequency));
        Check(TargetSchedule.TryParse(e.Targets, out var targets, out _), e, nameof(e.Targets));
        Check(Margin.TryParse(e.Tolerance, out var tolerance), e, nameof(e.Tolerance));
        DeadlineRule? rule = null;
        Check(e.DeadlineRule is null || DeadlineRule.TryParse(e.DeadlineRule, out rule), e, nameof(e.DeadlineRule));
        Check(AccumulationText.TryParse(e.Accumulation, out var accumulation), e, nameof(e.Accumulation));
        return new Measure
        {
            Reference = MeasureReference.Parse(e.Reference),
            Title = e.Title,
            ServiceCode = e.Service,
            Unit = unit,
            Decimals = e.Decimals,
            Polarity = polarity,
            Frequency = frequency,
            Targets = targets,
            Tolerance = tolerance,
            Owner = PersonId.Parse(e.Owner),
            Delegates = [.. Split(e.Delegates).Select(PersonId.Parse)],
            EscalationOwner = PersonId.Parse(e.EscalationOwner),
            PriorityCodes = Split(e.Priorities),
            ActiveFrom = ParseDate(e.ActiveFrom),
            ActiveTo = ParseDate(e.ActiveTo),
            DeadlineRule = rule,
            Accumulation = accumulation,
        };
    }

    public static PlanActivityEntity ToEntity(PlanActivity a) =>
        new()
        {
            RowKey = RowKeyOf(a),
            Title = a.Title,
            Service = a.ServiceCode,
            Owner = a.Owner.Value,
            DueDate = Date(a.DueDate)!,
            Status = a.Status.ToString(),
            Commentary = a.Commentary,
            Milestones =
                a.Milestones.Count == 0
                    ? null
                    : string.Join('\n', a.Milestones.Select(m => $"{Date(m.DueDate)}|{m.Status}|{m.Title}")),
            Priorities = Join(a.PriorityCodes),
        };

    public static PlanActivity ToDomain(PlanActivityEntity e) =>
        new()
        {
            Code = CodeOf(e),
            Title = e.Title,
            ServiceCode = e.Service,
            Owner = PersonId.Parse(e.Owner),
            DueDate = ParseDate(e.DueDate)!.Value,
            Status = Enum.Parse<PlanActivityStatus>(e.Status),
            Commentary = e.Commentary,
            Milestones =
            [
                .. (e.Milestones ?? string.Empty)
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => line.Split('|', 3))
                    .Select(p => new Milestone(p[2], ParseDate(p[0])!.Value, Enum.Parse<PlanActivityStatus>(p[1]))),
            ],
            PriorityCodes = Split(e.Priorities),
        };

    private static string? Join(IEnumerable<string> values)
    {
        var joined = string.Join(';', values);
        return joined.Length == 0 ? null : joined;
    }

    private static string[] Split(string? text) =>
        (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Check(bool ok, MeasureEntity e, string property)
    {
        if (!ok)
        {
            throw new InvalidDataException($"Stored measure {e.RowKey} has an unreadable {property}.");
        }
    }
}
