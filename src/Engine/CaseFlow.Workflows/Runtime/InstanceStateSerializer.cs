using System.Buffers;
using System.Text.Json;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// The durable form of <see cref="InstanceState"/>: compact UTF-8 JSON with short property names,
/// written and read by hand so that a command's save and load stay cheap.
/// </summary>
public static class InstanceStateSerializer
{
    /// <summary>2 added incidents, timers and message subscriptions; version 1 (without them) is still read.</summary>
    private const int FormatVersion = 2;

    public static byte[] Serialize(InstanceState state)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer)) Write(w, state);
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter w, InstanceState s)
    {
        w.WriteStartObject();
        w.WriteNumber("fv", FormatVersion);
        w.WriteString("id", s.InstanceId);
        w.WriteString("process", s.ProcessId);
        w.WriteNumber("version", s.ProcessVersion);
        if (s.BusinessKey is not null) w.WriteString("businessKey", s.BusinessKey);
        if (s.Parent is { } p)
        {
            w.WriteStartObject("parent");
            w.WriteString("id", p.InstanceId);
            w.WriteNumber("key", p.ElementKey);
            w.WriteString("element", p.ElementId);
            w.WriteEndObject();
        }
        w.WriteString("status", s.Status.ToString());
        w.WriteString("started", s.StartedAt);
        if (s.EndedAt is { } ended) w.WriteString("ended", ended);
        w.WriteNumber("next", s.NextKey);
        w.WritePropertyName("vars");
        VariableJson.Write(w, s.Variables);

        w.WriteStartArray("elements");
        foreach (var e in s.Elements.Values.OrderBy(e => e.Key)) WriteElement(w, e);
        w.WriteEndArray();

        w.WriteStartArray("joins");
        foreach (var t in s.JoinTokens)
        {
            w.WriteStartObject();
            if (t.ScopeKey is { } scope) w.WriteNumber("scope", scope);
            w.WriteString("gateway", t.GatewayId);
            w.WriteString("flow", t.FlowId);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteTimers(w, s.Timers);
        WriteSubscriptions(w, s.Subscriptions);
        WriteIncidents(w, s.Incidents);
        w.WriteEndObject();
    }

    private static void WriteTimers(Utf8JsonWriter w, List<TimerInstance> timers)
    {
        if (timers.Count == 0) return;
        w.WriteStartArray("timers");
        foreach (var t in timers)
        {
            w.WriteStartObject();
            w.WriteNumber("key", t.Key);
            w.WriteNumber("elementKey", t.ElementKey);
            w.WriteString("event", t.EventId);
            w.WriteString("due", t.DueAt);
            if (t.InWorkingDays) w.WriteBoolean("workingDays", true);
            if (t.Interval is not null) w.WriteString("interval", t.Interval);
            if (t.Remaining is { } remaining) w.WriteNumber("remaining", remaining);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void ReadTimers(JsonElement root, InstanceState state)
    {
        if (!root.TryGetProperty("timers", out var timers)) return;
        foreach (var t in timers.EnumerateArray())
        {
            state.Timers.Add(new TimerInstance
            {
                Key = t.GetProperty("key").GetInt64(),
                ElementKey = t.GetProperty("elementKey").GetInt64(),
                EventId = t.GetProperty("event").GetString()!,
                DueAt = t.GetProperty("due").GetDateTimeOffset(),
                InWorkingDays = t.TryGetProperty("workingDays", out var days) && days.GetBoolean(),
                Interval = t.TryGetProperty("interval", out var interval) ? interval.GetString() : null,
                Remaining = t.TryGetProperty("remaining", out var remaining) ? remaining.GetInt32() : null,
            });
        }
    }

    private static void WriteSubscriptions(Utf8JsonWriter w, List<MessageSubscription> subscriptions)
    {
        if (subscriptions.Count == 0) return;
        w.WriteStartArray("subs");
        foreach (var m in subscriptions)
        {
            w.WriteStartObject();
            w.WriteNumber("key", m.Key);
            w.WriteNumber("elementKey", m.ElementKey);
            w.WriteString("event", m.EventId);
            w.WriteString("message", m.MessageName);
            w.WriteString("correlation", m.CorrelationKey);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void ReadSubscriptions(JsonElement root, InstanceState state)
    {
        if (!root.TryGetProperty("subs", out var subscriptions)) return;
        foreach (var m in subscriptions.EnumerateArray())
        {
            state.Subscriptions.Add(new MessageSubscription
            {
                Key = m.GetProperty("key").GetInt64(),
                ElementKey = m.GetProperty("elementKey").GetInt64(),
                EventId = m.GetProperty("event").GetString()!,
                MessageName = m.GetProperty("message").GetString()!,
                CorrelationKey = m.GetProperty("correlation").GetString()!,
            });
        }
    }

    private static void WriteIncidents(Utf8JsonWriter w, List<Incident> incidents)
    {
        if (incidents.Count == 0) return;
        w.WriteStartArray("incidents");
        foreach (var i in incidents)
        {
            w.WriteStartObject();
            w.WriteNumber("key", i.Key);
            w.WriteNumber("elementKey", i.ElementKey);
            w.WriteString("element", i.ElementId);
            w.WriteString("kind", i.Kind);
            w.WriteString("message", i.Message);
            if (i.Details is not null) w.WriteString("details", i.Details);
            w.WriteString("at", i.At);
            w.WriteString("retry", i.Retry.ToString());
            if (i.ErrorCode is not null) w.WriteString("error", i.ErrorCode);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void ReadIncidents(JsonElement root, InstanceState state)
    {
        if (!root.TryGetProperty("incidents", out var incidents)) return;
        foreach (var i in incidents.EnumerateArray())
        {
            state.Incidents.Add(new Incident
            {
                Key = i.GetProperty("key").GetInt64(),
                ElementKey = i.GetProperty("elementKey").GetInt64(),
                ElementId = i.GetProperty("element").GetString()!,
                Kind = i.GetProperty("kind").GetString()!,
                Message = i.GetProperty("message").GetString()!,
                Details = i.TryGetProperty("details", out var details) ? details.GetString() : null,
                At = i.GetProperty("at").GetDateTimeOffset(),
                Retry = Enum.Parse<IncidentRetry>(i.GetProperty("retry").GetString()!),
                ErrorCode = i.TryGetProperty("error", out var error) ? error.GetString() : null,
            });
        }
    }

    private static void WriteElement(Utf8JsonWriter w, ElementInstance e)
    {
        w.WriteStartObject();
        w.WriteNumber("key", e.Key);
        w.WriteString("element", e.ElementId);
        w.WriteString("kind", e.Kind.ToString());
        if (e.ScopeKey is { } scope) w.WriteNumber("scope", scope);
        w.WriteString("at", e.ActivatedAt);
        if (e.LoopCounter is { } loop) w.WriteNumber("loop", loop);
        if (e.Variables is { } vars)
        {
            w.WritePropertyName("vars");
            VariableJson.Write(w, vars);
        }
        if (e.MultiInstance is { } mi)
        {
            w.WriteStartObject("mi");
            w.WritePropertyName("items");
            VariableJson.Write(w, mi.Items);
            w.WriteNumber("next", mi.NextIndex);
            w.WriteNumber("completed", mi.Completed);
            if (mi.Output is { } output)
            {
                w.WritePropertyName("output");
                VariableJson.Write(w, output);
            }
            w.WriteEndObject();
        }
        if (e.Task is { } t)
        {
            w.WriteStartObject("task");
            if (t.Assignee is not null) w.WriteString("assignee", t.Assignee);
            WriteStrings(w, "groups", t.CandidateGroups);
            WriteStrings(w, "users", t.CandidateUsers);
            if (t.DueDate is { } due) w.WriteString("due", due);
            if (t.FollowUpDate is { } follow) w.WriteString("followUp", follow);
            if (t.FormKey is not null) w.WriteString("form", t.FormKey);
            w.WriteEndObject();
        }
        if (e.JobType is not null) w.WriteString("job", e.JobType);
        if (e.ChildInstanceId is { } child) w.WriteString("child", child);
        if (e.DecisionId is not null) w.WriteString("decision", e.DecisionId);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    public static InstanceState Deserialize(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.GetProperty("fv").GetInt32() is not (1 or FormatVersion))
            throw new JsonException($"Unknown instance state format {root.GetProperty("fv")}.");

        var state = new InstanceState
        {
            InstanceId = root.GetProperty("id").GetGuid(),
            ProcessId = root.GetProperty("process").GetString()!,
            ProcessVersion = root.GetProperty("version").GetInt32(),
            BusinessKey = root.TryGetProperty("businessKey", out var bk) ? bk.GetString() : null,
            Parent = root.TryGetProperty("parent", out var p)
                ? new ParentLink(p.GetProperty("id").GetGuid(), p.GetProperty("key").GetInt64(), p.GetProperty("element").GetString()!)
                : null,
            Status = Enum.Parse<InstanceStatus>(root.GetProperty("status").GetString()!),
            StartedAt = root.GetProperty("started").GetDateTimeOffset(),
            EndedAt = root.TryGetProperty("ended", out var ended) ? ended.GetDateTimeOffset() : null,
            NextKey = root.GetProperty("next").GetInt64(),
        };
        foreach (var (name, value) in VariableJson.ReadObject(root.GetProperty("vars"))) state.Variables[name] = value;
        foreach (var e in root.GetProperty("elements").EnumerateArray())
        {
            var element = ReadElement(e);
            state.Elements.Add(element.Key, element);
        }
        foreach (var t in root.GetProperty("joins").EnumerateArray())
        {
            state.JoinTokens.Add(new JoinToken(
                t.TryGetProperty("scope", out var scope) ? scope.GetInt64() : null,
                t.GetProperty("gateway").GetString()!, t.GetProperty("flow").GetString()!));
        }
        ReadTimers(root, state);
        ReadSubscriptions(root, state);
        ReadIncidents(root, state);
        return state;
    }

    private static ElementInstance ReadElement(JsonElement e)
    {
        var element = new ElementInstance
        {
            Key = e.GetProperty("key").GetInt64(),
            ElementId = e.GetProperty("element").GetString()!,
            Kind = Enum.Parse<ElementKind>(e.GetProperty("kind").GetString()!),
            ScopeKey = e.TryGetProperty("scope", out var scope) ? scope.GetInt64() : null,
            ActivatedAt = e.GetProperty("at").GetDateTimeOffset(),
            LoopCounter = e.TryGetProperty("loop", out var loop) ? loop.GetInt32() : null,
            JobType = e.TryGetProperty("job", out var job) ? job.GetString() : null,
            ChildInstanceId = e.TryGetProperty("child", out var child) ? child.GetGuid() : null,
            DecisionId = e.TryGetProperty("decision", out var decision) ? decision.GetString() : null,
        };
        if (e.TryGetProperty("vars", out var vars))
            element.Variables = new Dictionary<string, object?>(VariableJson.ReadObject(vars), StringComparer.Ordinal);
        if (e.TryGetProperty("mi", out var mi))
        {
            element.MultiInstance = new MultiInstanceState
            {
                Items = (List<object?>)VariableJson.Read(mi.GetProperty("items"))!,
                NextIndex = mi.GetProperty("next").GetInt32(),
                Completed = mi.GetProperty("completed").GetInt32(),
                Output = mi.TryGetProperty("output", out var output) ? (List<object?>)VariableJson.Read(output)! : null,
            };
        }
        if (e.TryGetProperty("task", out var t))
        {
            element.Task = new TaskState
            {
                Assignee = t.TryGetProperty("assignee", out var a) ? a.GetString() : null,
                CandidateGroups = ReadStrings(t, "groups"),
                CandidateUsers = ReadStrings(t, "users"),
                DueDate = t.TryGetProperty("due", out var due) ? due.GetDateTimeOffset() : null,
                FollowUpDate = t.TryGetProperty("followUp", out var follow) ? follow.GetDateTimeOffset() : null,
                FormKey = t.TryGetProperty("form", out var form) ? form.GetString() : null,
            };
        }
        return element;
    }

    private static string[] ReadStrings(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
}
