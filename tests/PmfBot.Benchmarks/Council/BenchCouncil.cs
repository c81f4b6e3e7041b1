using System.Globalization;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;
using PmfBot.Storage;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Conversations;
using PmfBot.Storage.Results;

namespace PmfBot.Benchmarks.Council;

/// <summary>
/// A generated council as big as the benchmark needs: departments with a Chief Officer each,
/// services, owners (each with an Entra object id and, when seeded, a personal chat with the bot)
/// and measures spread evenly over them. Deterministic: the same size gives the same council.
/// </summary>
public sealed record BenchCouncil(
    CouncilCatalogue Catalogue,
    IReadOnlyList<Person> Owners,
    IReadOnlyList<Person> ChiefOfficers
)
{
    public const string Tenant = "7d1b3c52-9a4e-4c1f-8e2a-6b5d0c3a9f10";
    public const string BotId = "3f9c2e71-5b8d-4a63-9c10-2e7f4a1b8d05";

    /// <summary>
    /// Quarter end at its biggest: one quarterly measure per owner, all owed for Q2 2026/27 on 1 October 2026.
    /// </summary>
    public static BenchCouncil Quarterly(int owners) =>
        Generate(measures: owners, owners: owners, services: Math.Max(1, owners / 50), Frequency.Quarterly);

    /// <summary>A big council's catalogue: monthly measures, ten per owner, fifty per service.</summary>
    public static BenchCouncil Monthly(int measures) =>
        Generate(measures, owners: Math.Max(1, measures / 10), services: Math.Max(1, measures / 50), Frequency.Monthly);

    /// <summary>The owner's personal chat id in the fake connector.</summary>
    public static string ChatOf(Person person) => $"a:chat-{person.Id.Value}";

    public static string SubmissionPeriodCode => ReportingPeriod.Quarter(new FinancialYear(2026), 2).Code;

    private static BenchCouncil Generate(int measures, int owners, int services, Frequency frequency)
    {
        var departmentCount = Math.Clamp(services / 10, 1, 8);
        var chiefs = Enumerable
            .Range(0, departmentCount)
            .Select(d => Person($"chief{d}", $"Chief Officer {d}", 900_000 + d))
            .ToList();
        var departments = Enumerable
            .Range(0, departmentCount)
            .Select(d => new Department($"DEPT{d}", $"Department {d}", chiefs[d].Id))
            .ToList();
        var serviceList = Enumerable
            .Range(0, services)
            .Select(s => new Service($"SVC{s}", $"Service {s}", $"DEPT{s % departmentCount}"))
            .ToList();
        var people = Enumerable.Range(0, owners).Select(p => Person($"owner{p}", $"Owner {p}", p)).ToList();
        var measureList = Enumerable
            .Range(0, measures)
            .Select(i =>
            {
                var service = serviceList[i % services];
                return new Measure
                {
                    Reference = MeasureReference.Parse(string.Create(CultureInfo.InvariantCulture, $"PI {i:00000}")),
                    Title = $"Measure {i}: percentage of cases completed within the service standard",
                    ServiceCode = service.Code,
                    Unit = MeasureUnit.Percentage,
                    Decimals = 1,
                    Polarity = Polarity.HigherIsBetter,
                    Frequency = frequency,
                    Targets = TargetSchedule.Of(80m),
                    Owner = people[i % owners].Id,
                    EscalationOwner = chiefs[serviceList.IndexOf(service) % departmentCount].Id,
                };
            })
            .ToList();

        var catalogue = new CouncilCatalogue(departments, serviceList, [], [.. people, .. chiefs], measureList, []);
        return new BenchCouncil(catalogue, people, chiefs);
    }

    private static Person Person(string user, string name, int number) =>
        new(
            PersonId.Parse($"{user}@bench.gov.uk"),
            name,
            string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{number:000000000000}")
        );

    /// <summary>
    /// Writes the catalogue (100 rows a transaction, as the import does) and, with a connector, a personal chat for
    /// everyone.
    /// </summary>
    public async Task SeedAsync(PmfTables tables, string? serviceUrl, CancellationToken cancellationToken)
    {
        var editor = await new CatalogueStore(tables).OpenAsync(cancellationToken);
        var c = Catalogue;
        foreach (
            var change in (IEnumerable<CatalogueChange>)
                [
                    new CatalogueChange { Departments = c.Departments },
                    .. c.Services.Chunk(CatalogueEditor.MaxChange).Select(s => new CatalogueChange { Services = s }),
                    .. c.People.Chunk(CatalogueEditor.MaxChange).Select(p => new CatalogueChange { People = p }),
                    .. c.Measures.Chunk(CatalogueEditor.MaxChange).Select(m => new CatalogueChange { Measures = m }),
                ]
        )
        {
            if (await editor.TryWriteAsync(change, cancellationToken) != CatalogueWriteOutcome.Written)
            {
                throw new InvalidOperationException("The benchmark's catalogue changed while it was being seeded.");
            }
        }

        if (serviceUrl is null)
        {
            return;
        }

        var conversations = new ConversationStore(tables);
        await Parallel.ForEachAsync(
            c.People,
            new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (person, ct) =>
                await conversations.SaveAsync(
                    new StoredConversation(
                        serviceUrl,
                        ChatOf(person),
                        Tenant,
                        BotId,
                        "personal",
                        $"29:{person.Id.Value}",
                        person.AadObjectId,
                        null,
                        null,
                        ConversationState.Active,
                        DateTimeOffset.UtcNow
                    ),
                    ct
                )
        );
    }

    /// <summary>
    /// Monthly history for every measure: <paramref name="months"/> figures up to <paramref name="latest"/>,
    /// wandering around the target so that RAG, trends and movers all have work to do.
    /// </summary>
    public async Task<int> SeedHistoryAsync(
        PmfTables tables,
        ReportingPeriod latest,
        int months,
        DateTimeOffset recordedAt,
        CancellationToken cancellationToken
    )
    {
        var results = new ResultStore(tables);
        var written = 0;
        await Parallel.ForEachAsync(
            Catalogue.Measures.Select((m, i) => (m, i)),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var (measure, index) = item;
                var history = new List<MeasureResult>();
                var period = latest;
                for (var back = 0; back < months; back++, period = period.Previous)
                {
                    var value = 60m + ((index * 7 + back * 13) % 40);
                    var thresholds = Thresholds.For(measure, period);
                    history.Add(
                        new MeasureResult
                        {
                            Measure = measure.Reference,
                            Period = period,
                            Value = value,
                            Rag = thresholds?.Rate(value),
                            Commentary = "Figures as expected for the time of year; no change to the service.",
                            ActionNote = value < 80m ? "Recovery plan agreed at the service's monthly meeting." : null,
                            RecordedBy = measure.Owner,
                            RecordedAt = back == 0 ? recordedAt : recordedAt.AddDays(-30 * back),
                        }
                    );
                }

                Interlocked.Add(ref written, await results.RecordManyAsync(history, ct));
            }
        );
        return written;
    }
}
