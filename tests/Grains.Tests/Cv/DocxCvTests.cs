using SyncHire.Grains.Cv;
using SyncHire.Grains.Tests.Cv.Fixtures;
using Xunit;
using static SyncHire.Grains.Tests.Cv.Fixtures.CvExtraction;

namespace SyncHire.Grains.Tests.Cv;

public sealed class DocxCvTests
{
    [Fact]
    public async Task A_word_document_gives_its_paragraphs_one_per_line()
    {
        var docx = DocxFiles.WithParagraphs(["Jane   Doe", "Senior engineer,\tAcme", "Built a payments platform"], pages: 2);

        var cv = await ExtractAsync(docx, "jane.docx");

        Assert.Equal("Jane Doe\nSenior engineer, Acme\nBuilt a payments platform", cv.Text);
        Assert.Equal(CvFormat.Docx, cv.Format);
        Assert.Equal(2, cv.PageCount);
    }

    [Fact]
    public async Task A_page_count_is_unknown_when_the_writer_did_not_record_one()
    {
        var cv = await ExtractAsync(DocxFiles.WithParagraphs(["Jane Doe"]));

        Assert.Null(cv.PageCount);
    }

    [Fact]
    public async Task A_long_cv_is_cut_to_two_thousand_characters_at_a_word_boundary()
    {
        var words = Enumerable.Range(1, 1_000).Select(i => $"skill{i}").ToArray();
        var docx = DocxFiles.WithParagraphs([string.Join(' ', words)]);

        var cv = await ExtractAsync(docx);

        var full = string.Join(' ', words);
        Assert.True(cv.Text.Length <= 2_000, $"{cv.Text.Length} characters");
        Assert.True(cv.Text.Length > 1_900, $"{cv.Text.Length} characters");
        Assert.StartsWith(cv.Text, full, StringComparison.Ordinal);
        Assert.Equal(' ', full[cv.Text.Length]);
        Assert.Equal(full.Length, cv.FullLength);
        Assert.True(cv.IsTruncated);
    }

    [Fact]
    public async Task A_zip_bomb_disguised_as_docx_is_rejected_without_inflating_it()
    {
        var bomb = DocxFiles.ZipBomb(uncompressedBytes: 1L << 30);
        Assert.True(bomb.Length < 5 * 1024 * 1024, $"the 1 GB bomb packs into {bomb.Length} bytes, under the upload limit");

        var rejection = await AssertRejectedAsync(CvRejectionCodes.TooLarge, () => ExtractAsync(bomb, "cv.docx"));

        Assert.Contains("expands", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_compressed_beyond_the_ratio_limit_is_rejected_even_when_the_total_is_small()
    {
        var bomb = DocxFiles.ZipBomb(uncompressedBytes: 8 * 1024 * 1024);

        var rejection = await AssertRejectedAsync(CvRejectionCodes.TooLarge, () => ExtractAsync(bomb));

        Assert.Contains("100:1", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_that_understates_its_sizes_cannot_inflate_past_what_it_declares()
    {
        // 16 MB of text compressed ~1000:1, declared as 60 KB: the central-directory check passes, and reading
        // stops at the declared size, leaving broken XML.
        var paragraph = string.Concat(Enumerable.Repeat("lorem ipsum ", 16 * 1024 * 1024 / 12));
        var docx = DocxFiles.WithDeclaredSize(DocxFiles.WithParagraphs([paragraph]), "word/document.xml", 60 * 1024);

        await AssertRejectedAsync(CvRejectionCodes.Corrupted,
            () => ExtractAsync(docx, settings: new Dictionary<string, string?> { ["Cv:MaxBytes"] = "20000000" }));
    }

    [Fact]
    public async Task A_docx_with_a_hundred_thousand_entries_is_rejected()
    {
        var docx = DocxFiles.WithManyEntries(100_000);

        // The default 5 MB limit would stop it first; raise it to reach the entry check.
        var rejection = await AssertRejectedAsync(CvRejectionCodes.TooLarge,
            () => ExtractAsync(docx, settings: new Dictionary<string, string?> { ["Cv:MaxBytes"] = "20000000" }));

        Assert.Contains("100001 files", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_docx_is_rejected_as_corrupted()
    {
        var docx = DocxFiles.WithParagraphs(["Jane Doe"]);

        await AssertRejectedAsync(CvRejectionCodes.Corrupted, () => ExtractAsync(docx[..(docx.Length - 30)]));
    }

    [Fact]
    public async Task A_docx_whose_document_is_not_xml_is_rejected_as_corrupted()
    {
        var docx = DocxFiles.Zip(
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
            ("word/document.xml", "this is not xml <<<"));

        await AssertRejectedAsync(CvRejectionCodes.Corrupted, () => ExtractAsync(docx));
    }

    [Fact]
    public async Task A_docx_with_a_dtd_entity_expansion_is_rejected_as_corrupted()
    {
        var billionLaughs = DocxFiles.Zip(
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
            ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
            ("word/document.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&h;</w:t></w:r></w:p></w:body></w:document>"));

        await AssertRejectedAsync(CvRejectionCodes.Corrupted, () => ExtractAsync(billionLaughs));
    }

    [Fact]
    public async Task A_zip_that_is_not_a_word_document_is_an_unsupported_type()
    {
        var zip = DocxFiles.Zip(("xl/workbook.xml", "<workbook/>"));

        await AssertRejectedAsync(CvRejectionCodes.UnsupportedType, () => ExtractAsync(zip, "cv.docx"));
    }

    [Fact]
    public async Task A_password_protected_docx_is_rejected_as_encrypted()
    {
        var rejection = await AssertRejectedAsync(CvRejectionCodes.Encrypted,
            () => ExtractAsync(CompoundFile.PasswordProtectedDocx(), "cv.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));

        Assert.Contains("password", rejection.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_word_97_document_is_unsupported_with_advice_to_save_as_docx()
    {
        var rejection = await AssertRejectedAsync(CvRejectionCodes.UnsupportedType,
            () => ExtractAsync(CompoundFile.LegacyWordDocument(), "cv.doc"));

        Assert.Contains(".docx", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_document_without_text_is_rejected_as_empty()
    {
        await AssertRejectedAsync(CvRejectionCodes.NoText, () => ExtractAsync(DocxFiles.WithParagraphs(["", "   "])));
    }
}
