namespace PmfBot;

/// <summary>Builds the web host: Program.cs runs it, tests start it on a loopback port.</summary>
public static class PmfBotHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddPmfBot(builder.Configuration);
        var app = builder.Build();
        app.MapPmfBot();
        return app;
    }
}
