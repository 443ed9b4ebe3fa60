using OpenAI.Chat;

namespace SyncHire.Grains.Evaluation;

/// <summary>
/// The JSON schema the evaluation model must answer in (OpenAI structured output, strict mode): every property
/// required, no others allowed, scores bounded, the recommendation one of four. The names are the product
/// documents' camelCase keys. <see cref="InterviewReportValidator"/> checks the same rules again, because a
/// compatible server may ignore the schema and a strict one still cannot express the cross-field rules.
/// </summary>
public static class InterviewReportSchema
{
    public const string Name = "interview_report";

    public const string Json = """
        {
          "type": "object",
          "properties": {
            "overallImpression": { "type": "string", "description": "Two or three sentences on the candidate's overall performance." },
            "strengths": { "type": "array", "items": { "type": "string" }, "description": "Three to five key strengths, each one sentence." },
            "concerns": { "type": "array", "items": { "type": "string" }, "description": "Two or three areas of concern, each one sentence; empty only if there are none." },
            "technicalDepth": { "$ref": "#/$defs/assessment" },
            "communication": { "$ref": "#/$defs/assessment" },
            "recommendation": { "type": "string", "enum": ["Strong Hire", "Hire", "Maybe", "No Hire"] },
            "overallScore": { "type": "integer", "minimum": 0, "maximum": 100, "description": "0-100, consistent with the two scores and the recommendation." },
            "improvements": { "type": "array", "items": { "type": "string" }, "description": "Two to four concrete, encouraging things the candidate can work on, addressed to the candidate." }
          },
          "required": ["overallImpression", "strengths", "concerns", "technicalDepth", "communication", "recommendation", "overallScore", "improvements"],
          "additionalProperties": false,
          "$defs": {
            "assessment": {
              "type": "object",
              "properties": {
                "score": { "type": "integer", "minimum": 1, "maximum": 10 },
                "justification": { "type": "string", "description": "One or two sentences citing the transcript." }
              },
              "required": ["score", "justification"],
              "additionalProperties": false
            }
          }
        }
        """;

    public static ChatResponseFormat ResponseFormat { get; } = ChatResponseFormat.CreateJsonSchemaFormat(
        Name,
        BinaryData.FromString(Json),
        "A structured evaluation of a finished job interview.",
        jsonSchemaIsStrict: true);
}
