using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Status;

namespace PmfBot;

/// <summary>
/// The council's rules as configured, built once from validated options: its update cycle
/// (deadlines, reminders, chasing, closing) and how a figure is judged (stable band, commentary).
/// What every feature asks for, instead of a static default or another feature's options.
/// </summary>
/// <param name="DefaultTolerance">What a catalogue import gives a measure whose row leaves its tolerance blank.</param>
public sealed record CouncilRules(UpdateCyclePolicy Cycle, StatusPolicy Status, Margin DefaultTolerance);
