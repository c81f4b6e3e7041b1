using PmfBot.Domain.Catalogue;

namespace PmfBot.Wording;

/// <summary>
/// Three questions worth asking, fitted to who is asking: an owner asks about their measures, a Head of Service about
/// their service, a Chief Officer about their department, the performance team about the council. Said when a
/// message isn't understood, so that it is never a dead end.
/// </summary>
public static class QuestionExamples
{
    public static IReadOnlyList<string> For(
        Person? person,
        CouncilCatalogue council,
        IReadOnlyCollection<PersonId> team
    )
    {
        if (person is null)
        {
            return ["how is the council doing?", "show me NI 192", "help"];
        }

        if (team.Contains(person.Id))
        {
            return
            [
                "who hasn't updated yet?",
                "what's off track across the council this quarter?",
                $"what did {Example(council)} say about staffing?",
            ];
        }

        if (council.Departments.FirstOrDefault(d => d.ChiefOfficer == person.Id) is { } department)
        {
            return
            [
                $"what's off track in {department.Name}?",
                $"which measures got worse in {department.Name} this quarter?",
                $"what's overdue in {department.Name}?",
            ];
        }

        var service = council.Services.FirstOrDefault(s => s.HeadOfService == person.Id)
            ?? council
                .Measures.Where(m => m.MayBeUpdatedBy(person.Id))
                .Select(m => council.FindService(m.ServiceCode))
                .FirstOrDefault(s => s is not null);
        var owned = council.Measures.FirstOrDefault(m => m.MayBeUpdatedBy(person.Id));
        if (owned is not null)
        {
            return
            [
                $"show me {owned.Reference}",
                "what haven't I updated?",
                $"which measures got worse in {service?.Name ?? "my service"} since April?",
            ];
        }

        return service is null
            ? ["how is the council doing?", "what's off track in the council?", "show me NI 192"]
            :
            [
                $"how is {service.Name} doing?",
                $"what's off track in {service.Name}?",
                $"what's overdue in {service.Name}?",
            ];
    }

    /// <summary>"I can answer questions like: …": the examples as one sentence for a message.</summary>
    public static string Sentence(IReadOnlyList<string> examples) =>
        "I can answer questions like "
        + string.Join(", ", examples.Select(e => $"**{e}**"))
        + ". Type **help** to see everything I can do.";

    private static string Example(CouncilCatalogue council) =>
        council.Services.FirstOrDefault(s => s.Name == "Housing")?.Name
        ?? (council.Services.Count > 0 ? council.Services[0].Name : "Waste");
}
