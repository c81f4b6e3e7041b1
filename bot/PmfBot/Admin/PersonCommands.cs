using PmfBot.Domain.Catalogue;
using PmfBot.Domain.People;
using PmfBot.Features.People;
using PmfBot.Storage.People;

namespace PmfBot.Admin;

/// <summary>
/// "person left" and "person returned": the performance team says who has left, where the directory can't (Graph
/// off), or corrects a mistake.
/// </summary>
internal static class PersonCommands
{
    public static Task<int> LeftAsync(
        IServiceProvider services,
        string email,
        TextWriter output,
        CancellationToken cancellationToken
    ) => WithPersonAsync(email, output, person => LeftAsync(services, person, output, cancellationToken));

    public static Task<int> ReturnedAsync(
        IServiceProvider services,
        string email,
        TextWriter output,
        CancellationToken cancellationToken
    ) => WithPersonAsync(email, output, person => ReturnedAsync(services, person, output, cancellationToken));

    private static async Task<int> WithPersonAsync(string email, TextWriter output, Func<PersonId, Task<int>> command)
    {
        if (!PersonId.TryParse(email, out var person))
        {
            await output.WriteLineAsync($"\"{email}\" is not a work email address.");
            return 2;
        }

        return await command(person);
    }

    private static async Task<int> LeftAsync(
        IServiceProvider services,
        PersonId person,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        var departure = await services
            .GetRequiredService<Departures>()
            .RecordAsync(person, LeavingReason.MarkedByPerformanceTeam, cancellationToken);
        var who = $"{departure.Leaver.Name} ({person})";
        await output.WriteLineAsync(
            departure.IsNew ? $"Recorded {who} as left." : $"{who} was already recorded as left; tidied up again."
        );
        await output.WriteLineAsync(
            $"Forgot {departure.ChatsForgotten} chat rows, ended {departure.DelegationsEnded.Count} delegations, "
                + $"told {departure.Told.Count} of the performance team."
        );
        var work = departure.Work;
        await output.WriteLineAsync(
            work.IsEmpty
                ? "The catalogue names them in no role."
                : "Now with nobody (give each a new owner in the catalogue): "
                    + string.Join(
                        "; ",
                        [
                            .. work.Owned.Select(m => $"owner of {m.Reference}"),
                            .. work.EscalatedTo.Select(m => $"escalation owner of {m.Reference}"),
                            .. work.Activities.Select(a => $"owner of activity {a.Code}"),
                            .. work.ServicesHeaded.Select(s => $"Head of Service of {s.Name}"),
                            .. work.DepartmentsLed.Select(d => $"Chief Officer of {d.Name}"),
                        ]
                    )
        );
        return 0;
    }

    private static async Task<int> ReturnedAsync(
        IServiceProvider services,
        PersonId person,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        var leavers = services.GetRequiredService<LeaverStore>();
        if (await leavers.GetAsync(person, cancellationToken) is null)
        {
            await output.WriteLineAsync($"{person} is not recorded as left; nothing changed.");
            return 0;
        }

        await leavers.DeleteAsync(person, cancellationToken);
        await output.WriteLineAsync(
            $"{person} is no longer recorded as left: the due scans prompt them again. Their chat comes back when "
                + "they next open PmfBot; delegations that were ended stay ended."
        );
        return 0;
    }
}
