using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SyncHire.Gateway.Tests.Infrastructure;

namespace SyncHire.Gateway.Tests.Cv;

/// <summary>CVs through the real HTTP pipeline: multipart create, adding one later, and files that must be refused.</summary>
public sealed class CvUploadTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly string[] CvLines =
    [
        "Ada Lovelace — Senior Backend Engineer",
        "Built the Analytical Engine billing pipeline at Babbage & Co on Kafka and PostgreSQL.",
        "Led a team of four; cut invoice latency from 9 s to 300 ms.",
    ];

    [Fact]
    public async Task A_multipart_create_with_a_docx_cv_creates_the_interview_with_its_fields_and_the_cv_text()
    {
        using var timeout = TestTimeout.Start();
        using var http = fixture.Host.CreateClient();
        using var form = CvUploads.Form(CvUploads.InterviewFields("What does a linker do?", "How do you test database code?"),
            CvUploads.Docx(CvLines), "Ada Lovelace CV.docx");

        using var response = await http.PostAsync("api/interviews", form, timeout.Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("created", created.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(created.GetProperty("candidateToken").GetString()));
        Assert.Contains($"/ws/interviews/{id}", created.GetProperty("websocketUrl").GetString());
        Assert.Contains("/join/", created.GetProperty("invitationUrl").GetString());
        var cv = created.GetProperty("cv");
        Assert.Equal("docx", cv.GetProperty("format").GetString());
        Assert.Equal("Ada Lovelace CV.docx", cv.GetProperty("fileName").GetString());
        var expectedText = string.Join(" ", CvLines);
        Assert.InRange(cv.GetProperty("characters").GetInt32(), expectedText.Length - 5, expectedText.Length + 5);
        Assert.False(cv.GetProperty("truncated").GetBoolean());

        var (status, interview) = await http.GetJsonAsync($"api/interviews/{id}", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Ada Lovelace", interview.GetProperty("candidateName").GetString());
        Assert.Equal("advanced", interview.GetProperty("level").GetString());
        Assert.True(interview.GetProperty("cvAttached").GetBoolean());
        Assert.Equal(cv.GetProperty("characters").GetInt32(), interview.GetProperty("cvCharacters").GetInt32());
        Assert.Equal(30, interview.GetProperty("maxDurationMinutes").GetInt32());
        Assert.Equal(["What does a linker do?", "How do you test database code?"],
            interview.GetProperty("questions").EnumerateArray().Select(q => q.GetString()));
    }

    [Fact]
    public async Task A_multipart_create_without_a_file_creates_the_interview_without_a_cv()
    {
        using var timeout = TestTimeout.Start();
        using var http = fixture.Host.CreateClient();
        using var form = CvUploads.Form([.. CvUploads.InterviewFields("Why Rust?"), ("turnDetection.mode", "push_to_talk"), ("metadata.jobId", "J-7")]);

        using var response = await http.PostAsync("api/interviews", form, timeout.Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("cv").ValueKind);
        var (_, interview) = await http.GetJsonAsync($"api/interviews/{created.GetProperty("id").GetString()}", timeout.Token);
        Assert.False(interview.GetProperty("cvAttached").GetBoolean());
        Assert.Equal(0, interview.GetProperty("cvCharacters").GetInt32());
        Assert.Equal("J-7", interview.GetProperty("metadata").GetProperty("jobId").GetString());
    }

    [Fact]
    public async Task A_form_with_bad_fields_is_refused_naming_each_field_and_creates_nothing()
    {
        using var timeout = TestTimeout.Start();
        using var http = fixture.Host.CreateClient();
        using var form = CvUploads.Form([("jobTitle", "Backend engineer"), ("maxDurationMinutes", "soon")], CvUploads.Docx(CvLines));

        using var response = await http.PostAsync("api/interviews", form, timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("maxDurationMinutes", out _));

        using var missingName = CvUploads.Form([("jobTitle", "Backend engineer")]);
        using var second = await http.PostAsync("api/interviews", missingName, timeout.Token);
        var secondProblem = await second.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.True(secondProblem.GetProperty("errors").TryGetProperty("candidateName", out _));
    }

    public static TheoryData<string, byte[], string, HttpStatusCode, string> HostileFiles => new()
    {
        { "not a document", Encoding.UTF8.GetBytes("I am plain text pretending to be a PDF."), "cv.pdf", HttpStatusCode.UnsupportedMediaType, "cv_unsupported_type" },
        { "a truncated docx", CvUploads.Docx(CvLines)[..200], "cv.docx", HttpStatusCode.UnprocessableEntity, "cv_corrupted" },
        { "a docx without text", CvUploads.Docx(), "empty.docx", HttpStatusCode.UnprocessableEntity, "cv_no_text" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_file_is_refused_with_its_code_and_no_interview_is_created(
        string description, byte[] file, string fileName, HttpStatusCode expectedStatus, string expectedCode)
    {
        using var timeout = TestTimeout.Start();
        using var http = fixture.Host.CreateClient();
        var candidate = $"Hostile {Guid.NewGuid():N}"[..20];
        using var form = CvUploads.Form([("candidateName", candidate), ("jobTitle", "Backend engineer")], file, fileName);

        using var response = await http.PostAsync("api/interviews", form, timeout.Token);

        Assert.True(expectedStatus == response.StatusCode, $"{description}: {response.StatusCode}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.Equal(expectedCode, problem.GetProperty("code").GetString());
        var (_, list) = await http.GetJsonAsync("api/interviews?limit=100", timeout.Token);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("candidateName").GetString() == candidate);
    }

    [Fact]
    public async Task An_upload_far_over_the_size_limit_is_refused_with_413_before_its_body_is_read()
    {
        using var timeout = TestTimeout.Start();
        using var http = fixture.Host.CreateClient();
        // With Expect: 100-continue the body is sent only if the server asks for it; a declared length over the
        // limit is refused from the headers alone.
        http.DefaultRequestHeaders.ExpectContinue = true;
        using var form = CvUploads.Form(CvUploads.InterviewFields("Why?"), new byte[8 * 1024 * 1024], "huge.pdf", "application/pdf");

        using var response = await http.PostAsync("api/interviews", form, timeout.Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("cv_too_large", (await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_oversized_upload_from_a_client_that_sends_it_all_at_once_gets_a_readable_413_every_time()
    {
        using var timeout = TestTimeout.Start(TimeSpan.FromSeconds(120));
        using var http = fixture.Host.CreateClient();
        var id = (await http.CreateInterviewAsync(timeout.Token)).GetProperty("id").GetString();
        var file = new byte[8 * 1024 * 1024]; // The 8 MB PDF of the report, over the 5 MB limit.
        "%PDF-1.7\n"u8.CopyTo(file);
        using var attach = CvUploads.Form([], file, "portfolio.pdf", "application/pdf");
        using var create = CvUploads.Form(CvUploads.InterviewFields("Why?"), file, "portfolio.pdf", "application/pdf");

        // The race was one run in two with Node's fetch: the answer and the close came while the body was still on its way.
        for (var i = 0; i < 40; i++)
        {
            var (path, form) = i % 2 == 0 ? ($"/api/interviews/{id}/cv", attach) : ("/api/interviews", create);
            var chunked = i % 4 >= 2;
            var result = await EagerUploadClient.PostAsync(fixture.Host.BaseAddress, path, form, timeout.Token, chunked);

            var attempt = $"Attempt {i + 1} on {path}{(chunked ? ", chunked" : "")}";
            Assert.True(result.Failure is null, $"{attempt}: {result.Failure}");
            Assert.True(result.Status == 413, $"{attempt}: {result.Status}");
            Assert.Equal("cv_too_large", JsonDocument.Parse(result.Json).RootElement.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task An_upload_beyond_what_the_server_reads_for_nothing_is_refused_at_once_and_its_connection_closed()
    {
        using var timeout = TestTimeout.Start();
        using var http = fixture.Host.CreateClient();
        var id = (await http.CreateInterviewAsync(timeout.Token)).GetProperty("id").GetString();
        using var form = CvUploads.Form([], new byte[16], "cv.pdf", "application/pdf");

        // 40 MB announced, over the 32 MB Cv:MaxDiscardedUploadBytes; nothing is sent after the headers.
        var result = await EagerUploadClient.PostAsync(fixture.Host.BaseAddress, $"/api/interviews/{id}/cv",
            form, timeout.Token, declaredLength: 40L * 1024 * 1024);

        Assert.Equal(413, result.Status);
        Assert.Equal("cv_too_large", JsonDocument.Parse(result.Json).RootElement.GetProperty("code").GetString());
        Assert.Contains("Connection: close", result.Head, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_file_just_over_the_cv_limit_is_refused_with_413_by_the_extractor()
    {
        using var timeout = TestTimeout.Start();
        using var http = fixture.Host.CreateClient();
        var file = new byte[5 * 1024 * 1024 + 1];
        "%PDF-1.7\n"u8.CopyTo(file);
        using var form = CvUploads.Form(CvUploads.InterviewFields("Why?"), file, "big.pdf", "application/pdf");

        using var response = await http.PostAsync("api/interviews", form, timeout.Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("cv_too_large", (await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_cv_can_be_added_and_replaced_before_the_start_and_is_refused_after_it()
    {
        using var timeout = TestTimeout.Start();
        using var http = fixture.Host.CreateClient();
        var id = (await http.CreateInterviewAsync(timeout.Token, questions: ["What does a linker do?"])).GetProperty("id").GetString()!;

        using (var first = CvUploads.Form([], CvUploads.Docx(CvLines)))
        using (var response = await http.PostAsync($"api/interviews/{id}/cv", first, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var attached = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            Assert.Equal(id, attached.GetProperty("interviewId").GetString());
            Assert.True(attached.GetProperty("characters").GetInt32() > 100);
        }

        using (var replacement = CvUploads.Form([], CvUploads.Docx("Ada Lovelace, compiler engineer at Analytical Inc."), "v2.docx"))
        using (var response = await http.PostAsync($"api/interviews/{id}/cv", replacement, timeout.Token))
        {
            var attached = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            Assert.Equal("v2.docx", attached.GetProperty("fileName").GetString());
            Assert.Equal("Ada Lovelace, compiler engineer at Analytical Inc.".Length, attached.GetProperty("characters").GetInt32());
        }

        using (var noFile = CvUploads.Form([("note", "forgot the file")]))
        using (var response = await http.PostAsync($"api/interviews/{id}/cv", noFile, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("cv_missing", (await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("code").GetString());
        }

        // Started (as a typed interview): the interviewer's prompt is fixed, so a CV can no longer change it.
        Assert.Equal(HttpStatusCode.OK, (await http.GetJsonAsync($"api/interviews/{id}/question", timeout.Token)).Status);
        using (var late = CvUploads.Form([], CvUploads.Docx(CvLines)))
        using (var response = await http.PostAsync($"api/interviews/{id}/cv", late, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("interview_already_started", (await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("code").GetString());
        }

        using (var unknown = CvUploads.Form([], CvUploads.Docx(CvLines)))
        using (var response = await http.PostAsync("api/interviews/no-such-interview/cv", unknown, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
