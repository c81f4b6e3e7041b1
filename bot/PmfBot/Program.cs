using PmfBot;
using PmfBot.Admin;

if (AdminCommandLine.IsAdminCommand(args))
{
    return await AdminCommandLine.RunAsync(args);
}

await PmfBotHost.Build(args).RunAsync();
return 0;
