using PmfBot.Cards;
using PmfBot.Features.Demo;
using PmfBot.Tests.Updates;

namespace PmfBot.Tests.Cover;

/// <summary>
/// A name in a plain message shows as written: Teams reads messages as Markdown, so "*Acting*" must not turn italic
/// nor "Ana_Maria" lose its underscore. Sam Taylor (owner of WM 03) is renamed to each awkward name.
/// </summary>
public class NamesInMessagesTests : UpdateCycleHost
{
    private Task RenameSamAsync(string name) => RenameAsync(DemoPeople.SamTaylor.Id, name);

    [Theory]
    [InlineData("Sam_Taylor *Acting* Head", "Sam\\_Taylor \\*Acting\\* Head")]
    [InlineData("[Interim] R&D <Team> 🌟", "\\[Interim\\] R&D <Team> 🌟")]
    [InlineData("O'Neil", "O'Neil")]
    public async Task SomeoneElsesMeasure_NamesItsOwner_AsWritten(string name, string written)
    {
        await RenameSamAsync(name);
        await InstallAsync();

        await PostAsync(Personal("message", "escalate WM 03"));

        Assert.Contains(
            $"Only {written}, WM 03's owner, or their delegates can escalate it",
            LastPostedText(),
            StringComparison.Ordinal
        );
        Assert.Equal(written, Markdown.Plain(name));
    }

    [Fact]
    public async Task AFigureForSomeoneElsesMeasure_NamesItsOwner_AsWritten()
    {
        await RenameSamAsync("Sam_Taylor *Acting* Head");
        await InstallAsync();

        await PostAsync(Personal("message", "WM 03: 80"));

        Assert.Contains(
            "WM 03 is updated by Sam\\_Taylor \\*Acting\\* Head, its owner, or their delegates.",
            LastPostedText(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task WhatSomeoneTyped_IsQuotedBackAsTyped()
    {
        await InstallAsync();

        await PostAsync(Personal("message", "delegate all my measures to *nobody_here* until Friday"));

        Assert.Contains(
            "I can't find \"\\*nobody\\_here\\*\" in the catalogue.",
            LastPostedText(),
            StringComparison.Ordinal
        );
    }
}
