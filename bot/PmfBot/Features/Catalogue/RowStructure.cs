using PmfBot.Domain.Catalogue;
using C = PmfBot.Features.Catalogue.CatalogueColumns;

namespace PmfBot.Features.Catalogue;

/// <summary>
/// The department, service and priorities a row needs: found, created, or refused when they contradict the catalogue.
/// </summary>
internal sealed record RowStructure(
    string DepartmentCode,
    Department? Department,
    Department? DepartmentChange,
    string ServiceCode,
    Service? ServiceChange,
    IReadOnlyList<CorporatePriority> NewPriorities,
    IReadOnlyList<string> PriorityCodes
)
{
    /// <summary>The escalation owner when the row names none: the department's chief officer.</summary>
    public PersonId? ChiefOfficer => DepartmentChange?.ChiefOfficer ?? Department?.ChiefOfficer;

    public static RowStructure Read(RowReading reading)
    {
        var catalogue = reading.Catalogue;
        var departmentCode = CatalogueCode.FromName(reading[C.Department]);
        var department = catalogue.FindDepartment(departmentCode);
        var chiefOfficer = reading.Person(C.ChiefOfficer);
        Department? departmentChange = null;
        if (reading.Has(C.Department))
        {
            if (department is null && chiefOfficer is null)
            {
                reading.Problems.Add($"department \"{reading[C.Department]}\" is new: give its {C.ChiefOfficer}");
            }
            else if (chiefOfficer is { } chief && (department is null || department.ChiefOfficer != chief))
            {
                departmentChange = new Department(
                    departmentCode,
                    department?.Name ?? reading[C.Department].Trim(),
                    chief
                );
                reading.Notes.Add(
                    department is null
                        ? $"new department {departmentChange.Name}"
                        : $"department {department.Name}: chief officer changed"
                );
            }
        }

        var serviceCode = CatalogueCode.FromName(reading[C.Service]);
        var service = catalogue.FindService(serviceCode);
        var headOfService = reading.Person(C.HeadOfService);
        Service? serviceChange = null;
        if (reading.Has(C.Service) && reading.Has(C.Department))
        {
            if (service is not null && service.DepartmentCode != departmentCode)
            {
                var owningDepartment = catalogue.FindDepartment(service.DepartmentCode)?.Name ?? service.DepartmentCode;
                reading.Problems.Add(
                    $"service {service.Name} belongs to {owningDepartment}, not {reading[C.Department].Trim()}"
                );
            }
            else if (service is null || (headOfService is { } head && service.HeadOfService != head))
            {
                serviceChange = new Service(
                    serviceCode,
                    service?.Name ?? reading[C.Service].Trim(),
                    departmentCode,
                    headOfService ?? service?.HeadOfService
                );
                reading.Notes.Add(
                    service is null
                        ? $"new service {serviceChange.Name}"
                        : $"service {service.Name}: head of service changed"
                );
            }
        }

        var newPriorities = new List<CorporatePriority>();
        var codes = new List<string>();
        foreach (var name in RowReading.Split(reading[C.Priorities]))
        {
            var code = CatalogueCode.FromName(name);
            if (code.Length == 0)
            {
                reading.Problems.Add($"priority \"{name}\" has no letters or digits");
                continue;
            }

            if (!codes.Contains(code))
            {
                codes.Add(code);
            }

            if (catalogue.Priorities.All(p => p.Code != code) && newPriorities.All(p => p.Code != code))
            {
                newPriorities.Add(new CorporatePriority(code, name));
                reading.Notes.Add($"new priority {name}");
            }
        }

        return new RowStructure(
            departmentCode,
            department,
            departmentChange,
            serviceCode,
            serviceChange,
            newPriorities,
            codes
        );
    }
}
