using System.Diagnostics;

namespace PmfBot.Scheduling;

/// <summary>
/// Each scheduled run is a trace of its own: its logs carry the trace id as their correlation id,
/// and the connector, Graph and storage calls it makes sit under it.
/// </summary>
public static class ScheduledRuns
{
    /// <summary>The activity source's name, for an OpenTelemetry exporter to listen to.</summary>
    public const string SourceName = "PmfBot.Scheduling";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Starts the run's activity: recorded when something listens, and there for the logs' correlation id when nothing
    /// does.
    /// </summary>
    public static Activity Start(string job)
    {
        var run = Source.StartActivity(job, ActivityKind.Internal, parentContext: default)
            ?? new Activity(job).SetIdFormat(ActivityIdFormat.W3C).Start();
        return run.SetTag("pmfbot.job", job);
    }
}
