using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using PmfBot.Domain.Calendar;

namespace PmfBot.Features.Demo;

/// <summary>A clock for demos and tests: "now" starts at a chosen UK date and time and runs on at real speed.</summary>
public sealed class DemoClockOptions
{
    public const string SectionName = "Clock";

    /// <summary>
    /// Where "now" starts, UK time: "2026-11-07" (09:00 that day, when prompts and reminders go
    /// out) or "2026-11-07T08:59". Empty: the real clock. Development only.
    /// </summary>
    [RegularExpression(
        @"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$",
        ErrorMessage = "Clock:StartAt must be yyyy-MM-dd or yyyy-MM-ddTHH:mm (UK time)."
    )]
    public string? StartAt { get; set; }

    public DateTimeOffset? StartInstant =>
        StartAt is not { Length: > 0 } text ? null
        : text.Length == 10
            ? UkTime.At(DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture), new TimeOnly(9, 0))
        : UkTime.At(
            DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(text[11..], "HH:mm", CultureInfo.InvariantCulture)
        );
}

/// <summary>
/// The demo's "now": a fixed offset from the real clock, so time still passes, and it can be moved
/// forward ("three days later") to see reminders and chasers arrive. Never goes backwards.
/// </summary>
public sealed class DemoClock(TimeProvider real, DateTimeOffset startAt) : TimeProvider
{
    private long _offsetTicks = (startAt - real.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    /// <summary>Moves "now" forward to an instant. False (and nothing moves) when that is in the past.</summary>
    public bool MoveTo(DateTimeOffset instant)
    {
        var by = instant - GetUtcNow();
        if (by < TimeSpan.Zero)
        {
            return false;
        }

        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return true;
    }
}

public static class DemoClockStartup
{
    /// <summary>The system clock, or the demo clock when Clock:StartAt is set (refused outside Development).</summary>
    public static IServiceCollection AddClock(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<DemoClockOptions>()
            .Bind(configuration.GetSection(DemoClockOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DemoClockOptions>, DevelopmentOnly>();
        var startAt = configuration.GetSection(DemoClockOptions.SectionName).Get<DemoClockOptions>()?.StartAt;
        if (startAt is { Length: > 0 })
        {
            services.AddSingleton(sp => new DemoClock(
                TimeProvider.System,
                sp.GetRequiredService<IOptions<DemoClockOptions>>().Value.StartInstant!.Value
            ));
            services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<DemoClock>());
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
        }

        return services;
    }

    private sealed class DevelopmentOnly(IHostEnvironment environment) : IValidateOptions<DemoClockOptions>
    {
        public ValidateOptionsResult Validate(string? name, DemoClockOptions options) =>
            options.StartAt is { Length: > 0 } && !environment.IsDevelopment()
                ? ValidateOptionsResult.Fail(
                    "Clock:StartAt moves the bot's clock for demos and tests; it is refused in the "
                        + $"{environment.EnvironmentName} environment."
                )
                : ValidateOptionsResult.Success;
    }
}
