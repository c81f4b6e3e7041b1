using System.Globalization;
using CsvHelper;
using PmfBot.Domain.Catalogue;
using PmfBot.Files;
using C = PmfBot.Features.Catalogue.CatalogueColumns;

namespace PmfBot.Features.Catalogue;

/// <summary>
/// Writes the catalogue in the import's own columns, so an export edited and imported again round-trips.
/// </summary>
public static class CatalogueExporter
{
    public static void Write(CouncilCatalogue catalogue, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, CsvFiles.WriterOptions, leaveOpen: true);
        foreach (var column in C.All)
        {
            csv.WriteField(column);
        }

        csv.EndRecord();
        string PersonText(PersonId id) => catalogue.FindPerson(id) is { } p ? PersonCell.Format(p) : id.Value;

        foreach (
            var measure in catalogue
                .Measures.OrderBy(m => m.ServiceCode, StringComparer.Ordinal)
                .ThenBy(m => m.Reference.Key, StringComparer.Ordinal)
        )
        {
            var service = catalogue.FindService(measure.ServiceCode);
            var department = service is null ? null : catalogue.FindDepartment(service.DepartmentCode);
            var values = new Dictionary<string, string>
            {
                [C.Reference] = measure.Reference.Value,
                [C.Title] = measure.Title,
                [C.Department] = department?.Name ?? string.Empty,
                [C.ChiefOfficer] = department is null ? string.Empty : PersonText(department.ChiefOfficer),
                [C.Service] = service?.Name ?? measure.ServiceCode,
                [C.HeadOfService] = service?.HeadOfService is { } head ? PersonText(head) : string.Empty,
                [C.Unit] = measure.Unit.ToText(),
                [C.Decimals] = measure.Decimals.ToString(CultureInfo.InvariantCulture),
                [C.Polarity] = measure.Polarity.ToText(),
                [C.Frequency] = measure.Frequency.ToText(),
                [C.Target] = measure.Targets.ToText(),
                [C.Tolerance] = measure.Tolerance.ToString(),
                [C.Owner] = PersonText(measure.Owner),
                [C.Delegates] = string.Join("; ", measure.Delegates.Select(PersonText)),
                [C.EscalationOwner] = PersonText(measure.EscalationOwner),
                [C.Priorities] = string.Join(
                    "; ",
                    measure.PriorityCodes.Select(code =>
                        catalogue.Priorities.FirstOrDefault(p => p.Code == code)?.Title ?? code
                    )
                ),
                [C.ActiveFrom] = measure.ActiveFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    ?? string.Empty,
                [C.ActiveTo] = measure.ActiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
                [C.Deadline] = measure.DeadlineRule?.ToText() ?? string.Empty,
                [C.Cumulative] = measure.Accumulation.ToText(),
            };
            foreach (var column in C.All)
            {
                csv.WriteField(values[column]);
            }

            csv.EndRecord();
        }
    }
}
