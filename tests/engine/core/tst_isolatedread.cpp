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
// on purpose: read, refused with a reason, killed by a signal, another exit status, not
// startable.
class TestIsolatedRead : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { engine::setIsolatedReader({}); }
    void noHelperReadsInProcess();
    void aFileThatPassedIsNotCheckedAgain();
    void aRefusalIsFinalAndGivesTheHelpersReason();
    void aHelperThatDiesRefusesTheFile_data();
    void aHelperThatDiesRefusesTheFile();
    void aMissingHelperRefusesTheFile();

private:
    // Runs the helper that ends with `ending` (shell) on the test's file.
    void useHelper(const QString& ending);
    int calls() const;
    // What readInHelperFirst throws for the test's file as `kind`; empty when it returns.
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
        engine::readInHelperFirst(mFile, kind);
    } catch (const engine::IoError& e) {
        return e;
    }
    return std::nullopt;
}

void TestIsolatedRead::noHelperReadsInProcess()
{
    engine::setIsolatedReader({});
    QVERIFY(engine::isolatedReader().empty());
    engine::readInHelperFirst(mFile, "xrf"); // nothing to run, nothing thrown
    QCOMPARE(calls(), 0);
}

void TestIsolatedRead::aFileThatPassedIsNotCheckedAgain()
{
    useHelper("exit 0");
    engine::readInHelperFirst(mFile, "probe", { "--dataset", "/probe" });
    QCOMPARE(calls(), 1);
    QFile log(QString::fromStdString(mLog.string()));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QCOMPARE(log.readAll().trimmed(),
        QByteArray("probe " + QByteArray::fromStdString(mFile.string()) + " --dataset /probe"));
    engine::readInHelperFirst(mFile, "probe", { "--dataset", "/probe" });
    QCOMPARE(calls(), 1);
    // Other options, or the same file changed, are checked again.
    engine::readInHelperFirst(mFile, "probe", { "--dataset", "/other" });
    QCOMPARE(calls(), 2);
    std::ofstream(mFile, std::ios::app) << "more";
    engine::readInHelperFirst(mFile, "probe", { "--dataset", "/probe" });
    QCOMPARE(calls(), 3);
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
    QCOMPARE(calls(), 2); // a refusal is not remembered as a pass
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
    QCOMPARE(calls(), 2); // nor is a crash
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
