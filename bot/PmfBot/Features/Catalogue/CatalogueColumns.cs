namespace PmfBot.Features.Catalogue;

/// <summary>
/// The catalogue spreadsheet's columns, as the performance team writes them. Import and export share them.
/// </summary>
/// <remarks>
/// People are written "Name &lt;email&gt;" (or just the email once the person is known).
/// Targets: a bare number is the standing target; "period=value" pairs add yearly or profiled
/// targets: "97.5; Apr 2026=29; Sep 2026=56". Dates: 2026-04-01, 01/04/2026 or 1 Apr 2026.
/// Cumulative: "year to date" (or yes) for a figure that counts the financial year so far.
/// </remarks>
public static class CatalogueColumns
{
    public const string Reference = "Reference";
    public const string Title = "Title";
    public const string Department = "Department";
    public const string ChiefOfficer = "Chief officer";
    public const string Service = "Service";
    public const string HeadOfService = "Head of service";
    public const string Unit = "Unit";
    public const string Decimals = "Decimals";
    public const string Polarity = "Better";
    public const string Frequency = "Frequency";
    public const string Target = "Target";
    public const string Tolerance = "Tolerance";
    public const string Owner = "Owner";
    public const string Delegates = "Delegates";
    public const string EscalationOwner = "Escalation owner";
    public const string Priorities = "Priorities";
    public const string ActiveFrom = "Active from";
    public const string ActiveTo = "Active to";
    public const string Deadline = "Deadline";
    public const string Cumulative = "Cumulative";

    public static IReadOnlyList<string> All { get; } =
    [
        Reference,
        Title,
        Department,
        ChiefOfficer,
        Service,
        HeadOfService,
        Unit,
        Decimals,
        Polarity,
        Frequency,
        Target,
        Tolerance,
        Owner,
        Delegates,
        EscalationOwner,
        Priorities,
        ActiveFrom,
        ActiveTo,
        Deadline,
        Cumulative,
    ];

    public static IReadOnlyList<string> Required { get; } =
    [Reference, Title, Department, Service, Unit, Polarity, Frequency, Owner];

    /// <summary>Other names people give the same column.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Ref"] = Reference,
            ["Indicator"] = Title,
            ["Measure"] = Title,
            ["Polarity"] = Polarity,
            ["Freq"] = Frequency,
            ["Escalation"] = EscalationOwner,
            ["Chief officer email"] = ChiefOfficer,
            ["Owner email"] = Owner,
            ["Deadline rule"] = Deadline,
            ["Corporate priorities"] = Priorities,
            ["Year to date"] = Cumulative,
            ["Accumulation"] = Cumulative,
        };
}
