using System.Text.Json.Serialization;

namespace PmfBot.Cards.Model;

/// <summary>An element of a card's body. The "type" on the wire comes from the derived type.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(InputText), "Input.Text")]
[JsonDerivedType(typeof(InputNumber), "Input.Number")]
[JsonDerivedType(typeof(InputDate), "Input.Date")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
[JsonDerivedType(typeof(LineChart), "Chart.Line")]
[JsonDerivedType(typeof(DonutChart), "Chart.Donut")]
[JsonDerivedType(typeof(StackedBarChart), "Chart.HorizontalBar.Stacked")]
[JsonDerivedType(typeof(GroupedBarChart), "Chart.VerticalBar.Grouped")]
public abstract record CardElement
{
    public string? Id { get; init; }

    /// <summary>"None", "Small", "Default", "Medium", "Large", "ExtraLarge", "Padding".</summary>
    public string? Spacing { get; init; }

    public bool? Separator { get; init; }
}

public sealed record TextBlock(string Text) : CardElement
{
    public bool Wrap { get; init; } = true;

    /// <summary>"Small", "Default", "Medium", "Large", "ExtraLarge".</summary>
    public string? Size { get; init; }

    /// <summary>"Lighter", "Default", "Bolder".</summary>
    public string? Weight { get; init; }

    /// <summary>"Default", "Dark", "Light", "Accent", "Good", "Warning", "Attention".</summary>
    public string? Color { get; init; }

    public bool? IsSubtle { get; init; }

    /// <summary>"heading" makes a screen reader announce it as a heading.</summary>
    public string? Style { get; init; }

    /// <summary>"Left", "Center", "Right".</summary>
    public string? HorizontalAlignment { get; init; }

    /// <summary>"Default", "Monospace": for a sparkline whose blocks should line up.</summary>
    public string? FontType { get; init; }
}

public sealed record Fact(string Title, string Value);

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    /// <summary>"default", "emphasis", "good", "attention", "warning", "accent".</summary>
    public string? Style { get; init; }
}

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    public string Type { get; } = "Column";

    /// <summary>"auto", "stretch", or a weight such as "2".</summary>
    public string? Width { get; init; }

    public string? VerticalContentAlignment { get; init; }
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

public sealed record InputText : CardElement
{
    public InputText(string id, string label)
    {
        Id = id;
        Label = label;
    }

    public string Label { get; }

    public string? Placeholder { get; init; }
    public bool? IsMultiline { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
    public string? Value { get; init; }
    public int? MaxLength { get; init; }
}

public sealed record InputNumber : CardElement
{
    public InputNumber(string id, string label)
    {
        Id = id;
        Label = label;
    }

    public string Label { get; }

    public string? Placeholder { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
    public double? Value { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
}

/// <summary>A date picker; values travel as "yyyy-MM-dd".</summary>
public sealed record InputDate : CardElement
{
    public InputDate(string id, string label)
    {
        Id = id;
        Label = label;
    }

    public string Label { get; }

    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }

    /// <summary>"yyyy-MM-dd".</summary>
    public string? Value { get; init; }

    /// <summary>"yyyy-MM-dd".</summary>
    public string? Min { get; init; }

    /// <summary>"yyyy-MM-dd".</summary>
    public string? Max { get; init; }
}

public sealed record Choice(string Title, string Value);

/// <summary>A pick from a list ("compact" is a drop-down, "expanded" radio buttons).</summary>
public sealed record InputChoiceSet : CardElement
{
    public InputChoiceSet(string id, string label, IReadOnlyList<Choice> choices)
    {
        Id = id;
        Label = label;
        Choices = choices;
    }

    public string Label { get; }

    public IReadOnlyList<Choice> Choices { get; }

    public string? Style { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
    public string? Value { get; init; }
}
