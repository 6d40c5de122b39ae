#include "engine/core/exception.h"
#include "engine/core/isolatedread.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <optional>

using namespace latentlens;

// The helper is a shell script here: it logs each call (kind, path and options) and then
// does what the test asks of it, so that every outcome the engine must tell apart is made
// on purpose: read and handed back, refused with a reason, killed by a signal, another exit
// status, not startable.
class TestIsolatedRead : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { engine::setIsolatedReader({}); }
    void noHelperReadsInProcess();
    void whatTheHelperWroteIsHandedBackAndThenRemoved();
    void aHandoverReadsBackWhatWasWritten();
    void aBrokenHandoverIsRefused_data();
    void aBrokenHandoverIsRefused();
    void aRefusalIsFinalAndGivesTheHelpersReason();
    void aHelperThatDiesRefusesTheFile_data();
    void aHelperThatDiesRefusesTheFile();
    void aMissingHelperRefusesTheFile();

private:
    // Runs the helper that ends with `ending` (shell) on the test's file.
    void useHelper(const QString& ending);
    int calls() const;
    // The last call's words: kind, path, options, "--into", the file to write.
    QStringList lastCall() const;
    // What readInHelper throws for the test's file as `kind`; empty when it returns.
    std::optional<engine::IoError> refusal(const std::string& kind) const;

    QTemporaryDir mDir;
    std::filesystem::path mFile, mLog;
};

void TestIsolatedRead::init()
{
    mFile = mDir.filePath("data.h5").toStdString();
    mLog = mDir.filePath("calls.log").toStdString();
    std::ofstream(mFile) << "bytes";
    std::filesystem::remove(mLog);
}

void TestIsolatedRead::useHelper(const QString& ending)
{
    engine::setIsolatedReader({ "/bin/sh", "-c",
        ("echo \"$*\" >> '" + QString::fromStdString(mLog.string()) + "'; " + ending).toStdString(),
        "helper" });
}

QStringList TestIsolatedRead::lastCall() const
{
    QFile log(QString::fromStdString(mLog.string()));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    const auto lines = QString::fromUtf8(log.readAll()).trimmed().split('\n');
    return lines.last().split(' ');
}

int TestIsolatedRead::calls() const
{
    QFile log(QString::fromStdString(mLog.string()));
    if (!log.open(QIODevice::ReadOnly))
        return 0;
    return int(log.readAll().count('\n'));
}

std::optional<engine::IoError> TestIsolatedRead::refusal(const std::string& kind) const
{
    try {
        engine::readInHelper(mFile, kind);
    } catch (const engine::IoError& e) {
        // Nothing is left where the helper (if it started) was to write.
        const auto words = lastCall();
        if (words.isEmpty())
            return e;
        if (words.size() < 2 || words[words.size() - 2] != "--into" || QFile::exists(words.last()))
            qFatal("the helper's file was not removed: %s", qPrintable(words.join(' ')));
        return e;
    }
    return std::nullopt;
}

void TestIsolatedRead::noHelperReadsInProcess()
{
    engine::setIsolatedReader({});
    QVERIFY(engine::isolatedReader().empty());
    QVERIFY(!engine::readInHelper(mFile, "xrf")); // nothing to run, nothing thrown
    QCOMPARE(calls(), 0);
}

void TestIsolatedRead::whatTheHelperWroteIsHandedBackAndThenRemoved()
{
    // The script writes its kind into the file named after --into (its last argument).
    useHelper("eval \"into=\\${$#}\"; printf '%s' \"$1\" > \"$into\"");
    for (int attempt = 1; attempt <= 2; ++attempt) {
        std::filesystem::path file;
        {
            const auto handedBack = engine::readInHelper(mFile, "probe", { "--dataset", "/p" });
            QVERIFY(handedBack);
            file = handedBack->file();
            QFile written(QString::fromStdString(file.string()));
            QVERIFY(written.open(QIODevice::ReadOnly));
            QCOMPARE(written.readAll(), QByteArray("probe"));
        }
        QVERIFY(!std::filesystem::exists(file));
        // Every read runs the helper: nothing the caller keeps could go stale.
        QCOMPARE(calls(), attempt);
        const QStringList expected { "probe", QString::fromStdString(mFile.string()), "--dataset",
            "/p", "--into", QString::fromStdString(file.string()) };
        QCOMPARE(lastCall(), expected);
    }
}

void TestIsolatedRead::aHandoverReadsBackWhatWasWritten()
{
    const auto file = mDir.filePath("handover").toStdString();
    engine::Handover written { R"({"a":[1,2]})", {} };
    for (int i = 0; i < 1000; ++i)
        written.payload.push_back(std::byte(i * 7));
    engine::writeHandover(file, written);
    const auto read = engine::readHandover(file, mFile);
    QCOMPARE(read.header, written.header);
    QVERIFY(read.payload == written.payload);
    // An empty header and payload too.
    engine::writeHandover(file, {});
    const auto empty = engine::readHandover(file, mFile);
    QVERIFY(empty.header.empty() && empty.payload.empty());
}

void TestIsolatedRead::aBrokenHandoverIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray magic("LatentLens handover 1\n");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("magic only") << magic;
    QTest::newRow("other magic") << QByteArray("LatentLens handover 2\n") + QByteArray(8, '\0');
    QTest::newRow("header longer than the file")
        << magic + QByteArray("\x05\0\0\0\0\0\0\0", 8) + QByteArray("abcd");
    QTest::newRow("giant header length") << magic + QByteArray(8, '\xff') + QByteArray("abcd");
}

void TestIsolatedRead::aBrokenHandoverIsRefused()
{
    QFETCH(QByteArray, bytes);
    const auto file = mDir.filePath("handover");
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();
    try {
        engine::readHandover(file.toStdString(), mFile);
        QFAIL("a broken handover was read");
    } catch (const engine::IoError& e) {
        QCOMPARE(e.path(), mFile);
        QVERIFY2(QString(e.what()).contains("not opened"), e.what());
    }
}

void TestIsolatedRead::aRefusalIsFinalAndGivesTheHelpersReason()
{
    useHelper(
        QString("echo 'the dataset /probe is missing.'; exit %1").arg(engine::kHelperRefusedFile));
    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto e = refusal("xrf");
        QVERIFY(e);
        QCOMPARE(e->path(), mFile);
        QCOMPARE(QString::fromStdString(e->reason()), QString("the dataset /probe is missing."));
    }
    QCOMPARE(calls(), 2); // each read asks the helper
    // A refusal without a reason is not one of ours: the helper is taken to have failed.
    useHelper(QString("exit %1").arg(engine::kHelperRefusedFile));
    const auto failed = refusal("xrf");
    QVERIFY(failed);
    QVERIFY2(QString(failed->what()).contains("exit status 3"), failed->what());
}

void TestIsolatedRead::aHelperThatDiesRefusesTheFile_data()
{
    QTest::addColumn<QString>("ending");
    QTest::addColumn<QString>("how");
    QTest::newRow("segmentation fault") << "kill -SEGV $$"
                                        << "Segmentation fault, signal 11";
    QTest::newRow("abort") << "kill -ABRT $$"
                           << "Aborted, signal 6";
    // AddressSanitizer's report ends a process with status 1.
    QTest::newRow("sanitizer") << "exit 1"
                               << "exit status 1";
}

void TestIsolatedRead::aHelperThatDiesRefusesTheFile()
{
    QFETCH(QString, ending);
    QFETCH(QString, how);
    useHelper(ending);
    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto e = refusal("model");
        QVERIFY(e);
        QCOMPARE(e->path(), mFile);
        const QString message = e->what();
        QVERIFY2(
            message.contains("corrupt") && message.contains(how) && message.contains("not opened"),
            e->what());
    }
    QCOMPARE(calls(), 2); // a crash too
}

void TestIsolatedRead::aMissingHelperRefusesTheFile()
{
    engine::setIsolatedReader({ mDir.filePath("no-such-helper").toStdString(), "check-file" });
    const auto e = refusal("xrf");
    QVERIFY(e);
    QVERIFY2(QString(e->what()).contains("could not be started"), e->what());
}

QTEST_GUILESS_MAIN(TestIsolatedRead)
#include "tst_isolatedread.moc"
