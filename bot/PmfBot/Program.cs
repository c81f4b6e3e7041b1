using PmfBot;
using PmfBot.Admin;

if (AdminCommandLine.IsAdminCommand(args))
{
    return await AdminCommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPmfBot(builder.Configuration);

var app = builder.Build();
app.MapPmfBot();
await app.RunAsync();
return 0;

/// <summary>The host's entry point, named for WebApplicationFactory-style tests.</summary>
public partial class Program;
