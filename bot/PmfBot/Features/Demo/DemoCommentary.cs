using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Status;

namespace PmfBot.Features.Demo;

/// <summary>Commentary and action notes that read like a service manager's, chosen by the value's judgement.</summary>
internal static class DemoCommentary
{
    private static readonly string[] OnTrack =
    [
        "On track; the team kept up its usual pace.",
        "Performance held up well this period.",
        "Ahead of plan, helped by the new online form.",
        "Steady period; no issues to report.",
    ];

    private static readonly Dictionary<string, (string Why, string Action)[]> OffTrackByService = new()
    {
        ["waste"] =
        [
            (
                "Two crews off sick and a vehicle off the road for three weeks.",
                "Agency drivers booked and a hire vehicle in place from Monday."
            ),
            (
                "Contamination in recycling rose after the summer, so loads were rejected.",
                "Leaflet drop to the worst rounds and bin-hanger tags from next month."
            ),
        ],
        ["street-scene"] =
        [
            (
                "Fly-tipping spiked around the retail park.",
                "CCTV deployed at two hotspots; enforcement patrols increased."
            ),
        ],
        ["planning"] =
        [
            (
                "A vacancy and two long-term absences in the minor applications team.",
                "Agency planning officer starts next week; extension-of-time agreements sought early."
            ),
        ],
        ["planning-policy"] =
        [
            (
                "Two large sites stalled on viability; completions slipped to next year.",
                "Meeting the developers with Homes England on infrastructure funding."
            ),
        ],
        ["economy"] =
        [
            (
                "Three national chains closed their high street branches.",
                "Pop-up shop scheme and business rates relief promoted to landlords."
            ),
        ],
        ["revenues-benefits"] =
        [
            (
                "Backlog after the new benefits system upgrade.",
                "Overtime authorised and work redistributed across both teams."
            ),
        ],
        ["housing"] =
        [
            (
                "Major repairs needed on several void properties.",
                "Second voids contractor appointed; weekly void review meetings."
            ),
        ],
        ["hr"] =
        [
            (
                "Long-term absences rose, mostly musculoskeletal and stress related.",
                "Occupational health referrals sped up; wellbeing sessions for managers."
            ),
        ],
        ["information-governance"] =
        [
            (
                "A surge of complex requests on the Local Plan and two staff on leave.",
                "Requests triaged daily; services given named FOI leads with weekly chasing."
            ),
        ],
        ["customer-services"] =
        [
            (
                "Council tax bills and garden waste renewals drove record call volumes.",
                "Call-back service turned on at peak times; two temporary advisers recruited."
            ),
        ],
        ["finance"] =
        [
            (
                "Invoices held in approval queues over the holidays.",
                "Automated reminders to approvers after five days."
            ),
        ],
        ["environmental-health"] =
        [
            (
                "New food businesses opened faster than they could be inspected.",
                "Inspection programme re-prioritised by risk."
            ),
        ],
        ["leisure"] =
        [
            (
                "Pool closed for two weeks for repairs.",
                "Swim sessions moved to the school pool; promotion of the reopening."
            ),
        ],
    };

    public static (string Commentary, string? ActionNote) For(Measure measure, Judgement judgement, Random random)
    {
        if (!judgement.Requirements.ActionNoteRequired)
        {
            return (OnTrack[random.Next(OnTrack.Length)], null);
        }

        var options = OffTrackByService.TryGetValue(measure.ServiceCode, out var found)
            ? found
            : OffTrackByService["finance"];
        var (why, action) = options[random.Next(options.Length)];
        return (why, action);
    }
}
