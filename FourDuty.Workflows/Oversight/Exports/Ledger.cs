namespace FourDuty.Workflows.Oversight.Exports;

/// <summary>
/// A ledger (台账) ready to be written: its sheet name, its Chinese column headings, and its rows, one per record, read
/// from the database as they are written (never all held at once). Cells are <see cref="string"/>, <see cref="int"/>,
/// <see cref="DateOnly"/> or <see cref="DateTime"/> (already in the service's local time), or null.
/// </summary>
/// <param name="Sheet">The sheet's name (at most 31 characters).</param>
/// <param name="FileName">The download's file name, e.g. 整改台账-2026.xlsx.</param>
/// <param name="Columns">The headings and widths, in order.</param>
/// <param name="Rows">The rows; each has one cell per column.</param>
public sealed record Ledger(string Sheet, string FileName, IReadOnlyList<LedgerColumn> Columns, IAsyncEnumerable<object?[]> Rows);

/// <summary>A ledger's column.</summary>
/// <param name="Heading">Its heading, Chinese first (the form the office's own ledgers use), e.g. 整改时限.</param>
/// <param name="Width">Its width in characters.</param>
public sealed record LedgerColumn(string Heading, double Width = 14);
