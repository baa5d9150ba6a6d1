using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CaseFlow.Engine.Persistence;

/// <summary>
/// snake_case columns and predictable constraint names, so the hand-written migration scripts and
/// psql sessions need no quoting. Tables are named explicitly in each configuration.
/// </summary>
internal static class SnakeCaseNames
{
    public static void Apply(IMutableModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            foreach (var property in entity.GetProperties()) property.SetColumnName(Snake(property.Name));
            entity.FindPrimaryKey()?.SetName($"pk_{table}");
            foreach (var key in entity.GetKeys().Where(k => !k.IsPrimaryKey()))
                key.SetName($"ak_{table}_{Columns(key.Properties)}");
            foreach (var fk in entity.GetForeignKeys())
                fk.SetConstraintName($"fk_{table}_{fk.PrincipalEntityType.GetTableName()}_{Columns(fk.Properties)}");
            foreach (var index in entity.GetIndexes())
                index.SetDatabaseName($"ix_{table}_{Columns(index.Properties)}");
        }
    }

    private static string Columns(IEnumerable<IReadOnlyProperty> properties) =>
        string.Join("_", properties.Select(p => Snake(p.Name)));

    public static string Snake(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
