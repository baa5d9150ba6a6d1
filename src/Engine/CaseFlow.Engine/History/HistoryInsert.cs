using System.Data.Common;
using System.Globalization;
using System.Text;
using CaseFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseFlow.Engine.History;

/// <summary>
/// Appends a command's history rows as one multi-row INSERT in the command's transaction. History is
/// the bulk of what a command writes (six to ten rows for one task completion); through the change
/// tracker every row costs an entry, a snapshot, eleven parameters and a RETURNING read of its id,
/// which made it the largest CPU cost of the hot path. Nothing reads the ids back, so one statement does.
/// </summary>
internal static class HistoryInsert
{
    private const string Columns = "instance_id, seq, type, at, element_id, element_key, user_name, variable, old_value, new_value, detail";
    private const int ColumnCount = 11;
    /// <summary>Keeps each statement well under SQLite's limit of 32766 parameters.</summary>
    private const int RowsPerStatement = 500;

    public static async Task ExecuteAsync(CaseFlowDb db, IReadOnlyList<HistoryEntry> rows, CancellationToken ct)
    {
        for (var offset = 0; offset < rows.Count; offset += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - offset);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException("History is written inside the command's transaction.");
            var sql = new StringBuilder($"INSERT INTO history ({Columns}) VALUES ", 64 + count * 100);
            for (var i = 0; i < count; i++)
            {
                var row = rows[offset + i];
                sql.Append(i == 0 ? "(" : ", (");
                Add(command, sql, i, 0, db.IsPostgres ? row.InstanceId : row.InstanceId.ToString().ToUpperInvariant());
                Add(command, sql, i, 1, row.Seq);
                Add(command, sql, i, 2, row.Type);
                Add(command, sql, i, 3, db.IsPostgres ? row.At.ToUniversalTime() : UtcText(row.At));
                Add(command, sql, i, 4, row.ElementId);
                Add(command, sql, i, 5, row.ElementKey);
                Add(command, sql, i, 6, row.UserName);
                Add(command, sql, i, 7, row.Variable);
                Add(command, sql, i, 8, row.OldValue);
                Add(command, sql, i, 9, row.NewValue);
                Add(command, sql, i, 10, row.Detail);
                sql.Append(')');
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static void Add(DbCommand command, StringBuilder sql, int row, int column, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = $"h{row * ColumnCount + column}";
        // Untyped nulls are fine: both databases take the type from the column.
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        sql.Append(column == 0 ? "@" : ", @").Append(parameter.ParameterName);
    }

    /// <summary>The same text the EF model's converter writes on SQLite (see <see cref="UtcTextConverter"/>).</summary>
    private static string UtcText(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

}
