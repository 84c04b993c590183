using CopPortal.Web.Infrastructure.Files;

namespace CopPortal.Web.Tests.Library;

public sealed class UploadRulesTests
{
    public static TheoryData<string, string, string> RealFiles() => new()
    {
        { "minutes.pdf", nameof(SampleFiles.Pdf), "application/pdf" },
        { "notes.txt", nameof(SampleFiles.Text), "text/plain; charset=utf-8" },
        { "Report.DOCX", nameof(SampleFiles.Docx), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "figures.xlsx", nameof(SampleFiles.Xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "draft.odt", nameof(SampleFiles.Odt), "application/vnd.oasis.opendocument.text" },
        { "logo.png", nameof(SampleFiles.Png), "image/png" },
        { "photo.jpeg", nameof(SampleFiles.Jpeg), "image/jpeg" },
        { "photo.jpg", nameof(SampleFiles.Jpeg), "image/jpeg" },
    };

    [Theory]
    [MemberData(nameof(RealFiles))]
    public async Task A_real_small_file_of_each_kind_is_accepted_with_the_type_found_in_its_content(string name, string sample, string contentType)
    {
        var check = await CheckAsync(Sample(sample), name);
        Assert.Null(check.Error);
        Assert.Equal(contentType, check.Kind!.ContentType);
    }

    public static TheoryData<string, string> WrongContent() => new()
    {
        { "report.pdf", "exe" },
        { "report.pdf", "html" },
        { "notes.txt", "html" },
        { "report.docx", "zip" },
        { "report.docx", "pdf" },
        { "report.docx", "odt" },
        { "photo.png", "jpeg" },
        { "notes.txt", "binary" },
        { "notes.txt", "latin1" },
        { "report.exe", "pdf" },
        { "report", "pdf" },
        { "report.doc", "exe" },
        { "report.docx", "brokenzip" },
    };

    [Theory]
    [MemberData(nameof(WrongContent))]
    public async Task Content_that_is_not_what_an_accepted_name_says_is_refused(string name, string content)
    {
        var bytes = content switch
        {
            "exe" => SampleFiles.Exe(),
            "html" => SampleFiles.Html(),
            "zip" => SampleFiles.PlainZip(),
            "pdf" => SampleFiles.Pdf(),
            "odt" => SampleFiles.Odt(),
            "jpeg" => SampleFiles.Jpeg,
            "binary" => [0x48, 0x69, 0x00, 0x01, 0x02],
            "latin1" => [0x63, 0x61, 0x66, 0xE9, 0x0A],
            "brokenzip" => [.. SampleFiles.Docx().Take(40)],
            _ => throw new ArgumentOutOfRangeException(nameof(content)),
        };
        var check = await CheckAsync(bytes, name);
        Assert.Null(check.Kind);
        Assert.Equal("The selected file must be a PDF, Word, PowerPoint, Excel, OpenDocument, PNG, JPEG or plain text file", check.Error);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var check = await CheckAsync([], "empty.pdf");
        Assert.Equal("The selected file is empty", check.Error);
    }

    [Fact]
    public async Task A_file_over_25_MB_is_refused_and_one_of_exactly_25_MB_is_accepted()
    {
        var limit = Text(UploadRules.MaxBytes);
        Assert.True((await CheckAsync(limit, "big.txt")).Accepted);
        var over = Text(UploadRules.MaxBytes + 1);
        Assert.Equal("The selected file must be smaller than 25MB", (await CheckAsync(over, "big.txt")).Error);
    }

    [Theory]
    [InlineData("C:\\Users\\sam\\Documents\\minutes.pdf", "minutes.pdf")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("/var/www/../notes.txt", "notes.txt")]
    [InlineData("bad\u0000na\u0007me\r\n.pdf", "badname.pdf")]
    [InlineData("right\u202Eto-left.pdf", "rightto-left.pdf")]
    [InlineData("what?<is>\"this\"|*.pdf", "whatisthis.pdf")]
    [InlineData("  .hidden.pdf. ", "hidden.pdf")]
    [InlineData("../", "document")]
    [InlineData("", "document")]
    public void File_names_lose_their_path_control_and_reserved_characters(string given, string expected)
    {
        Assert.Equal(expected, UploadRules.SafeFileName(given));
    }

    [Fact]
    public void A_very_long_name_is_cut_to_the_limit_keeping_its_extension()
    {
        var name = UploadRules.SafeFileName(new string('a', 5000) + ".docx");
        Assert.Equal(UploadRules.FileNameMaxLength, name.Length);
        Assert.EndsWith("aaa.docx", name, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_with_nothing_left_takes_the_extension_of_its_content()
    {
        Assert.Equal("document.pdf", UploadRules.SafeFileName("///", UploadRules.Pdf));
    }

    [Fact]
    public async Task The_local_store_keeps_files_under_generated_names_and_refuses_names_it_did_not_make()
    {
        var root = Path.Combine(Path.GetTempPath(), "copportal-files-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var store = new LocalFileStore(root);
            using var content = new MemoryStream(SampleFiles.Pdf());
            var stored = await store.SaveAsync(content);
            Assert.Matches("^[0-9a-f]{32}$", stored.StoredName);
            Assert.Equal(SampleFiles.Pdf().Length, stored.Length);
            await using (var read = store.OpenRead(stored.StoredName)!)
            {
                using var copy = new MemoryStream();
                await read.CopyToAsync(copy);
                Assert.Equal(SampleFiles.Pdf(), copy.ToArray());
            }
            Assert.Throws<ArgumentException>(() => store.OpenRead("../copportal.db"));
            Assert.Null(store.OpenRead(Guid.NewGuid().ToString("N")));
            await store.DeleteAsync(stored.StoredName);
            Assert.Null(store.OpenRead(stored.StoredName));
        }
        finally
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }

    private static byte[] Sample(string name) => name switch
    {
        nameof(SampleFiles.Pdf) => SampleFiles.Pdf(),
        nameof(SampleFiles.Text) => SampleFiles.Text(),
        nameof(SampleFiles.Docx) => SampleFiles.Docx(),
        nameof(SampleFiles.Xlsx) => SampleFiles.Xlsx(),
        nameof(SampleFiles.Odt) => SampleFiles.Odt(),
        nameof(SampleFiles.Png) => SampleFiles.Png,
        nameof(SampleFiles.Jpeg) => SampleFiles.Jpeg,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static byte[] Text(long length)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, (byte)'a');
        return bytes;
    }

    private static async Task<UploadCheck> CheckAsync(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes);
        return await UploadRules.CheckAsync(stream, name);
    }
}
