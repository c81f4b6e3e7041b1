using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace PmfBot.Features.Reports.Workbooks;

/// <summary>A series of a chart: its name, and the cells of its values (in another sheet's rows).</summary>
/// <param name="Values">The values as written there, for the chart's cache (null: a gap).</param>
public sealed record XlsxSeries(string Name, string ValuesRange, IReadOnlyList<decimal?> Values, string Colour);

/// <summary>
/// A native Excel line chart of cells in the workbook: periods along the bottom, one line per series (the figures,
/// and the target dashed), with the numbers cached so a reader that doesn't recalculate still draws it.
/// </summary>
/// <param name="Categories">The cells of the periods' names, and the names.</param>
public sealed record XlsxLineChart(
    string Title,
    string CategoriesRange,
    IReadOnlyList<string> Categories,
    IReadOnlyList<XlsxSeries> Series,
    string NumberFormat
)
{
    /// <summary>Adds the chart to a sheet's drawing, over the cells from one corner to the other (0-based).</summary>
    public void AddTo(DrawingsPart drawing, (int Column, int Row) from, (int Column, int Row) to, uint id)
    {
        var part = drawing.AddNewPart<ChartPart>();
        part.ChartSpace = ToChartSpace();
        drawing.WorksheetDrawing.Append(
            new Xdr.TwoCellAnchor(
                Marker<Xdr.FromMarker>(from),
                Marker<Xdr.ToMarker>(to),
                new Xdr.GraphicFrame(
                    new Xdr.NonVisualGraphicFrameProperties(
                        new Xdr.NonVisualDrawingProperties { Id = id, Name = Title },
                        new Xdr.NonVisualGraphicFrameDrawingProperties()
                    ),
                    new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                    new A.Graphic(
                        new A.GraphicData(new C.ChartReference { Id = drawing.GetIdOfPart(part) })
                        {
                            Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
                        }
                    )
                )
                {
                    Macro = string.Empty,
                },
                new Xdr.ClientData()
            )
        );
    }

    private static T Marker<T>((int Column, int Row) at)
        where T : OpenXmlCompositeElement, new()
    {
        var marker = new T();
        marker.Append(
            new Xdr.ColumnId(at.Column.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Xdr.ColumnOffset("0"),
            new Xdr.RowId(at.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Xdr.RowOffset("0")
        );
        return marker;
    }

    private C.ChartSpace ToChartSpace()
    {
        var line = new C.LineChart(
            new C.Grouping { Val = C.GroupingValues.Standard },
            new C.VaryColors { Val = false }
        );
        for (var i = 0; i < Series.Count; i++)
        {
            line.Append(ToSeries(Series[i], (uint)i));
        }

        line.Append(
            new C.ShowMarker { Val = true },
            new C.AxisId { Val = CategoryAxis },
            new C.AxisId { Val = ValueAxis }
        );
        return new C.ChartSpace(
            new C.EditingLanguage { Val = "en-GB" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.Title(
                    new C.ChartText(
                        new C.RichText(
                            new A.BodyProperties(),
                            new A.ListStyle(),
                            new A.Paragraph(
                                new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 1100, Bold = true }),
                                new A.Run(new A.RunProperties { Language = "en-GB" }, new A.Text(Title))
                            )
                        )
                    ),
                    new C.Overlay { Val = false }
                ),
                new C.AutoTitleDeleted { Val = false },
                new C.PlotArea(
                    new C.Layout(),
                    line,
                    new C.CategoryAxis(
                        new C.AxisId { Val = CategoryAxis },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.Low },
                        new C.CrossingAxis { Val = ValueAxis },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.AutoLabeled { Val = true },
                        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                        new C.LabelOffset { Val = 100 }
                    ),
                    new C.ValueAxis(
                        new C.AxisId { Val = ValueAxis },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Left },
                        new C.MajorGridlines(),
                        new C.NumberingFormat { FormatCode = NumberFormat, SourceLinked = false },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = CategoryAxis },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.CrossBetween { Val = C.CrossBetweenValues.Between }
                    )
                ),
                new C.Legend(
                    new C.LegendPosition { Val = C.LegendPositionValues.Bottom },
                    new C.Overlay { Val = false }
                ),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }
            )
        );
    }

    private C.LineChartSeries ToSeries(XlsxSeries series, uint index)
    {
        var points = new C.NumberingCache(
            new C.FormatCode("General"),
            new C.PointCount { Val = (uint)Categories.Count }
        );
        for (var i = 0; i < series.Values.Count; i++)
        {
            if (series.Values[i] is { } value)
            {
                points.Append(
                    new C.NumericPoint(
                        new C.NumericValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    )
                    {
                        Index = (uint)i,
                    }
                );
            }
        }

        var names = new C.StringCache(new C.PointCount { Val = (uint)Categories.Count });
        for (var i = 0; i < Categories.Count; i++)
        {
            names.Append(new C.StringPoint(new C.NumericValue(Categories[i])) { Index = (uint)i });
        }

        var outline = new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = series.Colour })) { Width = 22225 };
        if (index > 0)
        {
            outline.Append(new A.PresetDash { Val = A.PresetLineDashValues.Dash });
        }

        return new C.LineChartSeries(
            new C.Index { Val = index },
            new C.Order { Val = index },
            new C.SeriesText(new C.NumericValue(series.Name)),
            new C.ChartShapeProperties(outline),
            new C.Marker(new C.Symbol { Val = index == 0 ? C.MarkerStyleValues.Circle : C.MarkerStyleValues.None }),
            new C.CategoryAxisData(new C.StringReference(new C.Formula(CategoriesRange), names)),
            new C.Values(new C.NumberReference(new C.Formula(series.ValuesRange), points)),
            new C.Smooth { Val = false }
        );
    }

    private const uint CategoryAxis = 48650112;
    private const uint ValueAxis = 48672768;
}
