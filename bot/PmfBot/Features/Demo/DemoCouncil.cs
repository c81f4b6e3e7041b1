using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using static PmfBot.Features.Demo.DemoPeople;

namespace PmfBot.Features.Demo;

/// <summary>
/// Northmere District Council: the demo catalogue, from ../shared/docs/DEMO-COUNCIL.md — the 25
/// indicators English district councils really report, three departments, thirteen services,
/// four Council Plan priorities and three Annual Action Plan activities.
/// </summary>
public static class DemoCouncil
{
    public const string Name = "Northmere District Council";

    public static readonly Department Place = new("place", "Place", DanielOkoro.Id);
    public static readonly Department Resources = new("resources", "Resources", PriyaShah.Id);
    public static readonly Department Communities = new("communities", "Communities", HelenPrice.Id);

    public static IReadOnlyList<Department> Departments { get; } = [Place, Resources, Communities];

    public static IReadOnlyList<Service> Services { get; } =
    [
        Service("Waste", Place, SamTaylor),
        Service("Street Scene", Place, SamTaylor),
        Service("Planning", Place, ChrisEvans),
        Service("Planning Policy", Place, ChrisEvans),
        Service("Housing", Place, FionaGrant),
        Service("Economy", Place, ChrisEvans),
        Service("Revenues & Benefits", Resources, FionaGrant),
        Service("Finance", Resources, FionaGrant),
        Service("HR", Resources, PriyaShah),
        Service("Customer Services", Resources, PriyaShah),
        Service("Information Governance", Resources, PriyaShah),
        Service("Environmental Health", Communities, SamTaylor),
        Service("Leisure", Communities, ChrisEvans),
    ];

    public static readonly CorporatePriority Greener = Priority("A greener, cleaner district");
    public static readonly CorporatePriority Homes = Priority("Homes and thriving places");
    public static readonly CorporatePriority WellRun = Priority("A well-run council");
    public static readonly CorporatePriority Healthy = Priority("Healthy, safe communities");

    public static IReadOnlyList<CorporatePriority> Priorities { get; } = [Greener, Homes, WellRun, Healthy];

    /// <summary>The demo measures with the story their history tells (see <see cref="DemoStory"/>).</summary>
    public static IReadOnlyList<(Measure Measure, DemoStory Story)> Measures { get; } =
    [
        M(
            "NI 192",
            "Household waste sent for reuse, recycling and composting",
            "Waste",
            Polarity.HigherIsBetter,
            Frequency.Quarterly,
            "%",
            "50",
            SamTaylor,
            Greener,
            new(51.5m, 47.8m, 0.6m, 2.0m)
        ),
        M(
            "NI 191",
            "Residual household waste per household",
            "Waste",
            Polarity.LowerIsBetter,
            Frequency.Quarterly,
            "kg",
            "115",
            SamTaylor,
            Greener,
            new(112m, 119m, 1.5m, 3m)
        ),
        M(
            "WM 03",
            "Missed bins per 100,000 collections",
            "Waste",
            Polarity.LowerIsBetter,
            Frequency.Monthly,
            "number",
            "80",
            SamTaylor,
            WellRun,
            new(70m, 96m, 5m, 0m)
        ),
        M(
            "SS 01",
            "Fly-tips removed within 2 working days",
            "Street Scene",
            Polarity.HigherIsBetter,
            Frequency.Monthly,
            "%",
            "95",
            SamTaylor,
            Greener,
            new(96m, 97.5m, 1.2m, 0m),
            tolerance: "2"
        ),
        M(
            "NI 195a",
            "Land with unacceptable levels of litter",
            "Street Scene",
            Polarity.LowerIsBetter,
            Frequency.Quarterly,
            "%",
            "8",
            SamTaylor,
            Greener,
            new(8.5m, 6.9m, 0.4m, 0m)
        ),
        M(
            "PL 157a",
            "Major planning applications decided within 13 weeks or agreed time",
            "Planning",
            Polarity.HigherIsBetter,
            Frequency.Quarterly,
            "%",
            "70",
            ChrisEvans,
            Homes,
            new(78m, 86m, 4m, 0m)
        ),
        M(
            "PL 157b",
            "Minor planning applications decided within 8 weeks or agreed time",
            "Planning",
            Polarity.HigherIsBetter,
            Frequency.Quarterly,
            "%",
            "75",
            ChrisEvans,
            Homes,
            new(79m, 72.5m, 1.5m, 0m)
        ),
        M(
            "PL 157c",
            "Other planning applications decided within 8 weeks or agreed time",
            "Planning",
            Polarity.HigherIsBetter,
            Frequency.Quarterly,
            "%",
            "85",
            ChrisEvans,
            Homes,
            new(86m, 89m, 1.5m, 0m)
        ),
        M(
            "PP 01",
            "Net additional homes completed",
            "Planning Policy",
            Polarity.HigherIsBetter,
            Frequency.Quarterly,
            "dwellings",
            "200",
            ChrisEvans,
            Homes,
            new(215m, 158m, 18m, 0m),
            decimals: 0
        ),
        M(
            "EC 01",
            "Town-centre vacant units",
            "Economy",
            Polarity.LowerIsBetter,
            Frequency.Quarterly,
            "%",
            "10",
            ChrisEvans,
            Homes,
            new(9.2m, 11.6m, 0.3m, 0m)
        ),
        M(
            "RB 01",
            "Average days to process new Housing Benefit claims",
            "Revenues & Benefits",
            Polarity.LowerIsBetter,
            Frequency.Monthly,
            "days",
            "20",
            FionaGrant,
            WellRun,
            new(17.5m, 20.6m, 1.2m, 0m)
        ),
        M(
            "RB 02",
            "Average days to process Housing Benefit change events",
            "Revenues & Benefits",
            Polarity.LowerIsBetter,
            Frequency.Monthly,
            "days",
            "10",
            FionaGrant,
            WellRun,
            new(8.5m, 7.4m, 0.6m, 0m)
        ),
        M(
            "RB 03",
            "Council tax collected in year (cumulative)",
            "Revenues & Benefits",
            Polarity.HigherIsBetter,
            Frequency.Monthly,
            "%",
            CollectionProfile(97.5m),
            FionaGrant,
            WellRun,
            new(0.2m, -0.6m, 0.15m, 0m, RelativeToTarget: true),
            tolerance: "1",
            accumulation: Accumulation.YearToDate
        ),
        M(
            "RB 04",
            "Business rates collected in year (cumulative)",
            "Revenues & Benefits",
            Polarity.HigherIsBetter,
            Frequency.Monthly,
            "%",
            CollectionProfile(98.0m),
            FionaGrant,
            WellRun,
            new(0.1m, 0.3m, 0.2m, 0m, RelativeToTarget: true),
            tolerance: "1",
            accumulation: Accumulation.YearToDate
        ),
        M(
            "HS 01",
            "Households in temporary accommodation",
            "Housing",
            Polarity.LowerIsBetter,
            Frequency.Quarterly,
            "number",
            string.Empty,
            FionaGrant,
            Homes,
            new(41m, 58m, 2m, 0m),
            decimals: 0
        ),
        M(
            "HS 02",
            "Homelessness prevented or relieved",
            "Housing",
            Polarity.HigherIsBetter,
            Frequency.Quarterly,
            "%",
            "60",
            FionaGrant,
            Homes,
            new(58m, 63m, 2m, 0m)
        ),
        M(
            "HS 03",
            "Average re-let time for empty council homes",
            "Housing",
            Polarity.LowerIsBetter,
            Frequency.Monthly,
            "days",
            "28",
            FionaGrant,
            Homes,
            new(27m, 35m, 2m, 0m)
        ),
        M(
            "HS 04",
            "Council rent collected",
            "Housing",
            Polarity.HigherIsBetter,
            Frequency.Monthly,
            "%",
            "98.5",
            FionaGrant,
            WellRun,
            new(98.9m, 98.1m, 0.2m, 0m),
            tolerance: "1"
        ),
        M(
            "HR 01",
            "Working days lost to sickness per FTE, rolling 12 months",
            "HR",
            Polarity.LowerIsBetter,
            Frequency.Quarterly,
            "days",
            "8.5",
            PriyaShah,
            WellRun,
            new(8.1m, 9.3m, 0.2m, 0m)
        ),
        M(
            "IG 01",
            "FOI requests answered within 20 working days",
            "Information Governance",
            Polarity.HigherIsBetter,
            Frequency.Monthly,
            "%",
            "95",
            PriyaShah,
            WellRun,
            new(96m, 88m, 1.5m, 0m)
        ),
        M(
            "CS 01",
            "Stage 1 complaints answered within 10 working days",
            "Customer Services",
            Polarity.HigherIsBetter,
            Frequency.Monthly,
            "%",
            "90",
            PriyaShah,
            WellRun,
            new(88m, 92m, 2m, 0m)
        ),
        M(
            "CS 02",
            "Calls answered within 5 minutes",
            "Customer Services",
            Polarity.HigherIsBetter,
            Frequency.Monthly,
            "%",
            "80",
            PriyaShah,
            WellRun,
            new(83m, 73m, 2.5m, 0m)
        ),
        M(
            "FI 01",
            "Undisputed invoices paid within 30 days",
            "Finance",
            Polarity.HigherIsBetter,
            Frequency.Monthly,
            "%",
            "95",
            FionaGrant,
            WellRun,
            new(94m, 96.5m, 1m, 0m),
            delegates: [PriyaShah]
        ),
        M(
            "EH 01",
            "Food premises broadly compliant",
            "Environmental Health",
            Polarity.HigherIsBetter,
            Frequency.Quarterly,
            "%",
            "95",
            SamTaylor,
            Healthy,
            new(95.5m, 96.4m, 0.4m, 0m)
        ),
        M(
            "LE 01",
            "Leisure centre visits",
            "Leisure",
            Polarity.HigherIsBetter,
            Frequency.Monthly,
            "visits",
            "55000",
            ChrisEvans,
            Healthy,
            new(53000m, 57500m, 1500m, 5000m),
            decimals: 0
        ),
    ];

    public static IReadOnlyList<PlanActivity> Activities { get; } =
    [
        new()
        {
            Code = "food-waste-rollout",
            Title = "Roll out food waste collections to all households",
            ServiceCode = "waste",
            Owner = SamTaylor.Id,
            DueDate = new DateOnly(2027, 3, 31),
            Status = PlanActivityStatus.AtRisk,
            Commentary = "Two of the six new vehicles delivered late; the east of the district moves to Q4.",
            Milestones =
            [
                new Milestone("Vehicles and caddies procured", new DateOnly(2026, 6, 30), PlanActivityStatus.Completed),
                new Milestone("West of the district live", new DateOnly(2026, 9, 30), PlanActivityStatus.Completed),
                new Milestone("East of the district live", new DateOnly(2026, 12, 31), PlanActivityStatus.AtRisk),
                new Milestone("All households live", new DateOnly(2027, 3, 31), PlanActivityStatus.NotStarted),
            ],
            PriorityCodes = [Greener.Code],
        },
        new()
        {
            Code = "local-plan",
            Title = "Adopt the new Local Plan",
            ServiceCode = "planning-policy",
            Owner = ChrisEvans.Id,
            DueDate = new DateOnly(2027, 12, 31),
            Status = PlanActivityStatus.OnTrack,
            Commentary = "Examination hearings concluded; main modifications consultation next.",
            Milestones =
            [
                new Milestone(
                    "Submission to the Secretary of State",
                    new DateOnly(2026, 3, 31),
                    PlanActivityStatus.Completed
                ),
                new Milestone("Examination hearings", new DateOnly(2026, 10, 31), PlanActivityStatus.Completed),
                new Milestone("Main modifications consultation", new DateOnly(2027, 3, 31), PlanActivityStatus.OnTrack),
                new Milestone("Adoption by Full Council", new DateOnly(2027, 12, 31), PlanActivityStatus.NotStarted),
            ],
            PriorityCodes = [Homes.Code],
        },
        new()
        {
            Code = "housing-system",
            Title = "Replace the housing management system",
            ServiceCode = "housing",
            Owner = FionaGrant.Id,
            DueDate = new DateOnly(2027, 6, 30),
            Status = PlanActivityStatus.OffTrack,
            Commentary = "Data migration test failed twice; supplier's recovery plan awaited.",
            Milestones =
            [
                new Milestone("Contract awarded", new DateOnly(2026, 4, 30), PlanActivityStatus.Completed),
                new Milestone("Data migration tested", new DateOnly(2026, 9, 30), PlanActivityStatus.OffTrack),
                new Milestone("Go live", new DateOnly(2027, 6, 30), PlanActivityStatus.NotStarted),
            ],
            PriorityCodes = [WellRun.Code],
        },
        new()
        {
            Code = "foi-audit-actions",
            Title = "Act on the internal audit of FOI handling",
            ServiceCode = CatalogueCode.FromName("Information Governance"),
            Owner = PriyaShah.Id,
            DueDate = new DateOnly(2027, 3, 31),
            Status = PlanActivityStatus.OnTrack,
            Commentary = "Case-tracking system live; training for request handlers booked.",
            Milestones =
            [
                new Milestone("Case-tracking system live", new DateOnly(2026, 9, 30), PlanActivityStatus.Completed),
                new Milestone("All request handlers trained", new DateOnly(2026, 12, 31), PlanActivityStatus.OnTrack),
                new Milestone("Follow-up audit passed", new DateOnly(2027, 3, 31), PlanActivityStatus.NotStarted),
            ],
            PriorityCodes = [WellRun.Code],
        },
    ];

    /// <summary>The whole catalogue, as one snapshot.</summary>
    public static CouncilCatalogue Catalogue =>
        new(Departments, Services, Priorities, DemoPeople.All, [.. Measures.Select(m => m.Measure)], Activities);

    private static Service Service(string name, Department department, Person head) =>
        new(CatalogueCode.FromName(name), name, department.Code, head.Id);

    private static CorporatePriority Priority(string title) => new(CatalogueCode.FromName(title), title);

    private static (Measure, DemoStory) M(
        string reference,
        string title,
        string service,
        Polarity polarity,
        Frequency frequency,
        string unit,
        string target,
        Person owner,
        CorporatePriority priority,
        DemoStory story,
        string? tolerance = null,
        int? decimals = null,
        Person[]? delegates = null,
        Accumulation accumulation = Accumulation.PerPeriod
    )
    {
        if (!MeasureUnit.TryParse(unit, out var parsedUnit) || !TargetSchedule.TryParse(target, out var targets, out _))
        {
            throw new InvalidOperationException(
                $"Demo measure {reference} is mistyped (unit '{unit}', target '{target}')."
            );
        }

        var department = Departments.Single(d => d.Code == Services.Single(s => s.Name == service).DepartmentCode);
        var measure = new Measure
        {
            Reference = MeasureReference.Parse(reference),
            Title = title,
            ServiceCode = CatalogueCode.FromName(service),
            Unit = parsedUnit,
            Decimals = decimals ?? 1,
            Polarity = polarity,
            Frequency = frequency,
            Targets = targets,
            Accumulation = accumulation,
            Tolerance = tolerance is not null && Margin.TryParse(tolerance, out var t) ? t : Margin.DefaultTolerance,
            Owner = owner.Id,
            Delegates = [.. (delegates ?? []).Select(d => d.Id)],
            EscalationOwner = department.ChiefOfficer,
            PriorityCodes = [priority.Code],
            ActiveFrom = new DateOnly(2020, 4, 1),
        };
        return (measure, story);
    }

    /// <summary>
    /// A cumulative in-year collection profile, written as profiled monthly targets for
    /// 2024/25–2027/28: roughly 29% by June, 56% by September, the year's target by March.
    /// </summary>
    private static string CollectionProfile(decimal yearEnd)
    {
        decimal[] shareOfYear =
        [
            0.111m,
            0.204m,
            0.297m,
            0.390m,
            0.483m,
            0.577m,
            0.670m,
            0.763m,
            0.856m,
            0.947m,
            0.981m,
            1m,
        ];
        var parts = new List<string> { yearEnd.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        for (var year = 2024; year <= 2027; year++)
        {
            for (var month = 1; month <= 12; month++)
            {
                var target = Math.Round(yearEnd * shareOfYear[month - 1], 1);
                parts.Add(
                    $"{ReportingPeriod.Month(new FinancialYear(year), month)}="
                        + target.ToString(System.Globalization.CultureInfo.InvariantCulture)
                );
            }
        }

        return string.Join("; ", parts);
    }
}
