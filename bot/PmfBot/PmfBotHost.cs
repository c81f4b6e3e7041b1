namespace PmfBot;

/// <summary>Builds the web host: Program.cs runs it, tests start it on a loopback port.</summary>
public static class PmfBotHost
{
    /// <param name="replaceServices">For tests only: swaps a seam the local machine can't provide (Graph's Entra
    /// tokens).</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? replaceServices = null)
    {
        var builder = WebApplication.CreateBuilder(
            new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory }
        );
        builder.Services.AddPmfBot(builder.Configuration);
        replaceServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapPmfBot();
        return app;
    }
}
