using PmfBot.Bot;
using PmfBot.Cards;
using PmfBot.Delivery;

namespace PmfBot.Features.Extensions;

public static class ExtensionsStartup
{
    /// <summary>
    /// Extension requests: who decides them, asking, deciding, telling people, and the follow-up of what is still owed.
    /// </summary>
    public static IServiceCollection AddExtensions(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<ExtensionOptions>()
            .Bind(configuration.GetSection(ExtensionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ExtensionNotices>();
        services.AddSingleton<ExtensionRequests>();
        services.AddSingleton<ExtensionDecisions>();
        services.AddDueWork<ExtensionFollowUp>(configuration, "extension-follow-up");
        return services;
    }

    /// <summary>The request form, the deciders' buttons, and "more time for … until …" typed.</summary>
    public static TurnRouter MapExtensions(this TurnRouter router, IServiceProvider services)
    {
        var requests = services.GetRequiredService<ExtensionRequests>();
        return router
            .OnVerb(Verbs.RequestExtension, requests.SubmitFormAsync)
            .OnVerb(Verbs.DecideExtension, services.GetRequiredService<ExtensionDecisions>().DecideAsync)
            .OnFreeText(requests.TypedRequestAsync);
    }
}
