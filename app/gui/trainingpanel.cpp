#include "app/gui/trainingpanel.h"

#include "app/gui/jobworker.h"

#include "engine/core/exception.h"
#include "engine/eval/evaluation.h"
#include "engine/io/imageio.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace latentlens::app {

namespace {

QSpinBox* counter(QWidget* parent, int low, int high, int value, const QString& tip)
{
    auto* box = new QSpinBox(parent);
    box->setRange(low, high);
    box->setValue(value);
    box->setToolTip(tip);
    return box;
}

QString minutes(double seconds)
{
    if (seconds < 90)
        return TrainingPanel::tr("%1 s").arg(std::lround(seconds));
    if (seconds < 5400)
        return TrainingPanel::tr("%1 min").arg(std::lround(seconds / 60));
    return TrainingPanel::tr("%1 h").arg(seconds / 3600, 0, 'f', 1);
}

} // namespace

TrainingPanel::TrainingPanel(QWidget* parent) : QWidget(parent)
{
    mWorker = new JobWorker(this);
    connect(mWorker, &JobWorker::finished, this,
        [this](const QString&, quint64 id, const QVariant& result, double) {
            if (id == mJob)
                finished(result, true, false);
        });
    connect(mWorker, &JobWorker::failed, this,
        [this](const QString&, quint64 id, const QString& message) {
            if (id == mJob)
                finished(message, false, false);
        });
    connect(mWorker, &JobWorker::cancelled, this, [this](const QString&, quint64 id) {
        if (id == mJob)
            finished(QVariant(), false, true);
    });
    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // a narrow dock puts labels above
    mData = new QLineEdit(this);
    mData->setObjectName("trainingData");
    mData->setPlaceholderText(tr("folders or image files, separated by ';'"));
    mData->setToolTip(tr("Clean images of your samples. The last few files are held out for "
                         "validation."));
    auto* browse = new QPushButton(tr("Add Folder\u2026"), this);
    browse->setToolTip(tr("Add a folder of clean images to the training data"));
    // The button under the field, so that a narrow dock does not cut it off.
    auto* dataRow = new QVBoxLayout;
    dataRow->addWidget(mData);
    dataRow->addWidget(browse, 0, Qt::AlignRight);
    form->addRow(tr("Data"), dataRow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Training Images"));
        if (!folder.isEmpty())
            mData->setText(mData->text().isEmpty() ? folder : mData->text() + ";" + folder);
    });
    mDefocus = new QLineEdit(QStringLiteral("0.1, 3, 5, 7, 10, 15"), this);
    mDefocus->setObjectName("trainingDefocus");
    mDefocus->setToolTip(tr("Defocus values (\u00b5m) the deformer learns; it also learns "
                            "between them"));
    form->addRow(tr("Defocus (\u00b5m)"), mDefocus);
    mReference = new QLineEdit(QStringLiteral("3"), this);
    mReference->setObjectName("trainingReference");
    mReference->setToolTip(tr("Stage 1 trains the encoder and decoder at this defocus; it must "
                              "be one of the list"));
    form->addRow(tr("Reference (\u00b5m)"), mReference);
    mArchitecture = new QComboBox(this);
    mArchitecture->setObjectName("trainingArchitecture");
    mArchitecture->addItem(tr("Kernel-aware (the exact kernel through Wiener)"),
        int(engine::Architecture::KernelAware));
    mArchitecture->addItem(tr("Paper (Guan et al. 2022)"), int(engine::Architecture::Paper));
    mArchitecture->setToolTip(tr("The kernel-aware network also sees the Wiener estimate made "
                                 "with the exact kernel and the noise level, and has a third "
                                 "stage; the paper's network sees the defocus alone"));
    form->addRow(tr("Network"), mArchitecture);
    mEpochs1 = counter(this, 0, 10000, 20, tr("Epochs of stage 1 (encoder and decoder)"));
    mEpochs2 = counter(this, 0, 10000, 10, tr("Epochs of stage 2 (deformer)"));
    mEpochs3 = counter(this, 0, 10000, 100,
        tr("Epochs of stage 3 (everything together; kernel-aware network only)"));
    // One row per stage: three counters side by side made the dock scroll sideways.
    form->addRow(tr("Stage 1 epochs"), mEpochs1);
    form->addRow(tr("Stage 2 epochs"), mEpochs2);
    form->addRow(tr("Stage 3 epochs"), mEpochs3);
    connect(mArchitecture, &QComboBox::currentIndexChanged, this, [this] {
        mEpochs3->setEnabled(
            mArchitecture->currentData().toInt() == int(engine::Architecture::KernelAware));
    });
    mBatches = counter(this, 1, 100000, 50, tr("Batches per epoch"));
    mBatchSize = counter(this, 1, 1024, 8, tr("Crops per batch"));
    auto* batches = new QHBoxLayout;
    batches->addWidget(mBatches);
    batches->addWidget(new QLabel(tr("\u00d7"), this));
    batches->addWidget(mBatchSize);
    form->addRow(tr("Batches"), batches);
    mCrop = counter(this, 16, 1024, 64,
        tr("Training crops are N \u00d7 N: a multiple of 4, at least the kernel size (64)"));
    mCrop->setSingleStep(4);
    form->addRow(tr("Crop"), mCrop);
    // A typed crop snaps to the nearest multiple of 4 at once, not at Start.
    connect(mCrop, &QSpinBox::valueChanged, this, [this](int v) {
        if (v % 4 != 0)
            mCrop->setValue(std::clamp((v + 2) / 4 * 4, mCrop->minimum(), mCrop->maximum()));
    });
    mSize = new QComboBox(this);
    mSize->addItem(tr("Small (CPU: width 32, latent 64)"));
    mSize->addItem(tr("Paper (GPU: width 64, latent 256)"));
    form->addRow(tr("Model size"), mSize);
    mDevice = new QComboBox(this);
    mDevice->addItem(tr("Automatic (GPU if available)"), int(engine::ComputeDevice::Auto));
    mDevice->addItem(tr("CPU"), int(engine::ComputeDevice::Cpu));
    mDevice->addItem(tr("CUDA GPU"), int(engine::ComputeDevice::Cuda));
    form->addRow(tr("Device"), mDevice);
    mOutput = new QLineEdit(this);
    mOutput->setObjectName("trainingOutput");
    mOutput->setText(QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                         .filePath(QStringLiteral("models/trained.llm")));
    auto* saveAs = new QPushButton(tr("Choose\u2026"), this);
    saveAs->setToolTip(tr("Choose where the trained model is saved"));
    auto* outputRow = new QVBoxLayout;
    outputRow->addWidget(mOutput);
    outputRow->addWidget(saveAs, 0, Qt::AlignRight);
    form->addRow(tr("Model file"), outputRow);
    connect(saveAs, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save Model As"), mOutput->text(), tr("LatentLens models (*.llm)"));
        if (!path.isEmpty())
            setOutput(path);
    });
    connect(mOutput, &QLineEdit::textChanged, this, &TrainingPanel::updateButtons);
    mOutput->setToolTip(tr("The model file to write; its checkpoint is kept beside it"));
    mSize->setToolTip(tr("Network widths: small trains on a CPU, the paper's wants a GPU"));
    mDevice->setToolTip(tr("Where to train"));
    // Long choices are elided rather than widening the dock past its width.
    for (QComboBox* combo : { mArchitecture, mSize, mDevice }) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
    }

    mStart = new QPushButton(tr("Start"), this);
    mStart->setToolTip(tr("Train a new model from the first epoch"));
    mStop = new QPushButton(tr("Stop"), this);
    mStop->setToolTip(tr("Stop after the running batch; the last finished epoch is kept"));
    mResume = new QPushButton(tr("Resume"), this);
    mResume->setToolTip(tr("Continue from the checkpoint of the last finished epoch"));
    mUseModel = new QPushButton(tr("Use the New Model"), this);
    mUseModel->setToolTip(tr("Replace the model the comparison uses with the one just trained"));
    mUseModel->setEnabled(false);
    // Two rows, so that the dock never clips a button at its usual width.
    auto* buttons = new QGridLayout;
    buttons->addWidget(mStart, 0, 0);
    buttons->addWidget(mStop, 0, 1);
    buttons->addWidget(mResume, 0, 2);
    buttons->addWidget(mUseModel, 1, 0, 1, 3);
    mFormError = new QLabel(this);
    mFormError->setObjectName("trainingFormError");
    mFormError->setWordWrap(true);
    for (QLineEdit* edit : { mData, mDefocus, mReference, mOutput })
        connect(edit, &QLineEdit::textChanged, this, &TrainingPanel::updateButtons);
    for (QSpinBox* box : { mCrop, mEpochs1, mEpochs2, mEpochs3, mBatches, mBatchSize })
        connect(box, &QSpinBox::valueChanged, this, &TrainingPanel::updateButtons);
    connect(mSize, &QComboBox::currentIndexChanged, this, &TrainingPanel::updateButtons);
    connect(mUseModel, &QPushButton::clicked, this, [this] {
        mUseModel->setEnabled(false);
        emit useModelRequested(mTrainedModel);
    });
    connect(mStart, &QPushButton::clicked, this, &TrainingPanel::start);
    connect(mStop, &QPushButton::clicked, this, &TrainingPanel::stop);
    connect(mResume, &QPushButton::clicked, this, &TrainingPanel::resume);

    mProgress = new QProgressBar(this);
    mProgress->setRange(0, 1000);
    mProgress->setValue(0);
    mStatus = new QLabel(tr("Not running."), this);
    mStatus->setObjectName("trainingStatus");
    mStatus->setWordWrap(true);

    mLossChart = new QChart;
    mLossChart->setTitle(tr("Training loss"));
    mLossChart->setMargins(QMargins(0, 0, 0, 0));
    mLossX = new QValueAxis;
    mLossX->setTitleText(tr("batch"));
    mLossX->setLabelFormat("%.0f");
    mLossX->setTickCount(4);
    mLossY = new QValueAxis;
    mLossChart->addAxis(mLossX, Qt::AlignBottom);
    mLossChart->addAxis(mLossY, Qt::AlignLeft);
    for (int s = 0; s < 3; ++s) {
        mLoss[s] = new QLineSeries;
        mLoss[s]->setName(s == 0 ? tr("stage 1 (f, g)")
                : s == 1         ? tr("stage 2 (deformer)")
                                 : tr("stage 3 (all)"));
        mLossChart->addSeries(mLoss[s]);
        mLoss[s]->attachAxis(mLossX);
        mLoss[s]->attachAxis(mLossY);
    }
    auto* lossView = new QChartView(mLossChart, this);
    lossView->setRenderHint(QPainter::Antialiasing);
    lossView->setMinimumHeight(220);
    mPsnrChart = new QChart;
    mPsnrChart->setTitle(tr("Validation PSNR per kernel (dB)"));
    mPsnrChart->setMargins(QMargins(0, 0, 0, 0));
    mPsnrX = new QValueAxis;
    mPsnrX->setTitleText(tr("epoch"));
    mPsnrX->setLabelFormat("%.0f");
    mPsnrX->setTickCount(4);
    mPsnrY = new QValueAxis;
    mPsnrChart->addAxis(mPsnrX, Qt::AlignBottom);
    mPsnrChart->addAxis(mPsnrY, Qt::AlignLeft);
    auto* psnrView = new QChartView(mPsnrChart, this);
    psnrView->setRenderHint(QPainter::Antialiasing);
    psnrView->setMinimumHeight(220);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mFormError);
    layout->addLayout(buttons);
    layout->addWidget(mProgress);
    layout->addWidget(mStatus);
    layout->addWidget(lossView, 1);
    layout->addWidget(psnrView, 1);
    updateButtons();
}

TrainingPanel::~TrainingPanel()
{
    // Stop and join the training thread before the members its callbacks post to go away.
    delete mWorker;
    mWorker = nullptr;
}

engine::TrainingOptions TrainingPanel::options(std::vector<std::filesystem::path>* validation) const
{
    engine::TrainingOptions o;
    const auto architecture = engine::Architecture(mArchitecture->currentData().toInt());
    o.record = mSize->currentIndex() == 0 ? engine::ModelRecord::small(architecture)
                                          : engine::ModelRecord {};
    o.record.architecture = architecture;
    std::vector<std::filesystem::path> sources;
    for (const QString& part : mData->text().split(';', Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            sources.emplace_back(part.trimmed().toStdString());
    if (sources.empty())
        throw engine::InvalidArgument(tr("Choose the folder of training images.").toStdString());
    auto files = engine::imageFiles(sources);
    if (files.empty())
        throw engine::InvalidArgument(
            tr("The data holds no PNG, JPEG or TIFF images.").toStdString());
    // Hold out the last files (about 10%, at most 4) for validation when there are enough.
    const std::size_t held
        = files.size() >= 5 ? std::min<std::size_t>(4, files.size() / 10 + 1) : 0;
    if (validation)
        validation->assign(files.end() - std::ptrdiff_t(held), files.end());
    files.resize(files.size() - held);
    o.data = files;
    auto parse = [](const QString& text) {
        bool ok = false;
        const double v = text.trimmed().toDouble(&ok);
        if (!ok || !(v > 0) || v > 1000)
            throw engine::InvalidArgument(
                tr("\"%1\" is not a defocus in \u00b5m.").arg(text.trimmed()).toStdString());
        return v * 1e-6;
    };
    o.record.defocus.clear();
    for (const QString& part : mDefocus->text().split(',', Qt::SkipEmptyParts))
        o.record.defocus.push_back(parse(part));
    if (o.record.defocus.size() < 2)
        throw engine::InvalidArgument(tr("List at least two defocus values.").toStdString());
    std::sort(o.record.defocus.begin(), o.record.defocus.end());
    o.record.referenceDefocus = parse(mReference->text());
    const auto near = std::find_if(o.record.defocus.begin(), o.record.defocus.end(),
        [&](double d) { return std::abs(d - o.record.referenceDefocus) < 1e-12; });
    if (near == o.record.defocus.end())
        throw engine::InvalidArgument(
            tr("The reference defocus must be one of the listed values.").toStdString());
    o.record.referenceDefocus = *near;
    o.epochsStage1 = mEpochs1->value();
    o.epochsStage2 = mEpochs2->value();
    o.epochsStage3 = architecture == engine::Architecture::KernelAware ? mEpochs3->value() : 0;
    o.minNoise = 0.0005; // the default model's recipe (tools/train_default_model.sh)
    o.maxNoise = 0.03;
    o.batchesPerEpoch = mBatches->value();
    o.batchSize = mBatchSize->value();
    o.crop = std::size_t(mCrop->value());
    if (o.crop % 4 != 0 || o.crop < o.record.kernel.size)
        throw engine::InvalidArgument(tr("The crop must be a multiple of 4 and at least the "
                                         "kernel size (%1 px).")
                                          .arg(o.record.kernel.size)
                                          .toStdString());
    o.learningRate = 1e-3; // the default model's recipe (docs/model-card.md)
    o.finalRateFraction = 0.05;
    o.device = engine::ComputeDevice(mDevice->currentData().toInt());
    o.checkpoint = checkpointPath().toStdString();
    return o;
}

void TrainingPanel::setDataSources(const QStringList& sources)
{
    mData->setText(sources.join(';'));
}

void TrainingPanel::setDefocusList(const QString& micrometres)
{
    mDefocus->setText(micrometres);
}

void TrainingPanel::setReferenceDefocus(double micrometres)
{
    mReference->setText(QString::number(micrometres));
}

void TrainingPanel::setEpochs(int stage1, int stage2, int stage3)
{
    mEpochs1->setValue(stage1);
    mEpochs2->setValue(stage2);
    mEpochs3->setValue(stage3);
}

void TrainingPanel::setArchitecture(engine::Architecture architecture)
{
    mArchitecture->setCurrentIndex(mArchitecture->findData(int(architecture)));
}

void TrainingPanel::setCurrentModel(const QString& path)
{
    mCurrentModel = path;
}

int TrainingPanel::epochsBefore(int stage) const
{
    int sum = 0;
    for (int s = 1; s < stage && s <= 3; ++s)
        sum += mEpochs[s - 1];
    return sum;
}

void TrainingPanel::setBatches(int perEpoch, int batchSize)
{
    mBatches->setValue(perEpoch);
    mBatchSize->setValue(batchSize);
}

void TrainingPanel::setCrop(int crop)
{
    mCrop->setValue(crop);
}

void TrainingPanel::setOutput(const QString& path)
{
    mOutput->setText(path);
}

QString TrainingPanel::output() const
{
    return mOutput->text().trimmed();
}

QString TrainingPanel::checkpointPath() const
{
    return output() + QStringLiteral(".checkpoint");
}

void TrainingPanel::start()
{
    launch(false);
}

void TrainingPanel::resume()
{
    launch(true);
}

void TrainingPanel::stop()
{
    if (mJob)
        mWorker->cancel(QStringLiteral("train"));
}

void TrainingPanel::launch(bool resume)
{
    if (mJob)
        return;
    std::vector<std::filesystem::path> validation;
    engine::TrainingOptions o;
    try {
        if (output().isEmpty())
            throw engine::InvalidArgument(tr("Choose where to save the model.").toStdString());
        o = options(&validation);
    } catch (const std::exception& e) {
        mStatus->setText(tr("Cannot start: %1").arg(QString::fromUtf8(e.what())));
        emit trainingFailed(mStatus->text());
        return;
    }
    if (!resume)
        QFile::remove(checkpointPath());
    QDir().mkpath(QFileInfo(output()).absolutePath());
    mEpochs[0] = o.epochsStage1;
    mEpochs[1] = o.epochsStage2;
    mEpochs[2] = o.epochsStage3;
    mBatchesPerEpoch = o.batchesPerEpoch;
    mTotalBatches = long(o.epochsStage1 + o.epochsStage2 + o.epochsStage3) * o.batchesPerEpoch;
    mUseModel->setEnabled(false);
    mNewScore = mCurrentScore = std::numeric_limits<double>::quiet_NaN();
    mBatchesAtStart = -1;
    if (!resume)
        resetCharts(o.record.defocus);
    mClock.start();
    mStatus->setText(resume ? tr("Resuming from the checkpoint\u2026")
                            : tr("Reading the training images\u2026"));
    const std::string out = output().toStdString();
    std::string current = mCurrentModel.toStdString();
    if (current.empty())
        current = engine::defaultModelPath().value_or(std::filesystem::path()).string();
    mJob = mWorker->submit(QStringLiteral("train"),
        [this, o, validation, out, current](const engine::Progress& progress) mutable {
            for (const auto& path : validation)
                o.validation.push_back(engine::evaluationTruth(engine::readImage(path), 128));
            engine::LatentTrainer trainer(o);
            auto model = trainer.run(
                [this, &progress](const engine::TrainingStep& step) {
                    // Through the worker's progress signal too: one per batch.
                    if (progress.onIteration)
                        progress.onIteration({ std::size_t(step.stage - 1), 2, step.batch,
                            step.batches, step.loss });
                    QMetaObject::invokeMethod(
                        this, [this, step] { onBatch(step); }, Qt::QueuedConnection);
                },
                progress.cancel,
                [this](const engine::TrainingStep& step) {
                    QMetaObject::invokeMethod(
                        this, [this, step] { onEpoch(step); }, Qt::QueuedConnection);
                });
            model.save(out);
            // Both models on the same held-out inputs, so that the user can choose.
            QVariantMap result { { "path", QString::fromStdString(out) } };
            if (!o.validation.empty()) {
                result["new"] = engine::validationScore(
                    model, o.validation, model.record(), o.validationNoise, progress);
                try {
                    if (!current.empty())
                        result["current"]
                            = engine::validationScore(engine::LatentModel::load(current),
                                o.validation, model.record(), o.validationNoise, progress);
                } catch (const engine::Cancelled&) {
                    throw;
                } catch (const std::exception& e) {
                    result["currentError"] = QString::fromUtf8(e.what());
                }
            }
            return QVariant(result);
        });
    updateButtons();
}

void TrainingPanel::resetCharts(const std::vector<double>& defocus)
{
    for (QLineSeries* series : mLoss)
        series->clear();
    mLossMax = 0.0;
    for (QLineSeries* series : mPsnr) {
        mPsnrChart->removeSeries(series);
        delete series;
    }
    mPsnr.clear();
    for (double d : defocus) {
        auto* series = new QLineSeries;
        series->setName(tr("%1 \u00b5m").arg(d * 1e6, 0, 'g', 3));
        mPsnrChart->addSeries(series);
        series->attachAxis(mPsnrX);
        series->attachAxis(mPsnrY);
        mPsnr.push_back(series);
    }
    mEpochPoints = 0;
    mPsnrLow = 1e9;
    mPsnrHigh = -1e9;
    mLossX->setRange(0, double(std::max(1L, mTotalBatches)));
    mPsnrX->setRange(0, double(std::max(1, epochsBefore(4))));
}

void TrainingPanel::onBatch(const engine::TrainingStep& step)
{
    if (!mJob)
        return;
    const long index
        = (long(epochsBefore(step.stage)) + step.epoch - 1) * mBatchesPerEpoch + step.batch;
    if (mBatchesAtStart < 0) {
        mBatchesAtStart = index - 1;
        mClock.restart();
    }
    mLoss[step.stage - 1]->append(double(index), step.loss);
    mLossMax = std::max(mLossMax, step.loss);
    mLossY->setRange(0.0, mLossMax * 1.05);
    mProgress->setValue(int(1000.0 * double(index) / double(std::max(1L, mTotalBatches))));
    const double elapsed = mClock.elapsed() / 1000.0;
    const long done = index - mBatchesAtStart;
    QString eta;
    if (done >= 3 && elapsed > 0) {
        const double rate = double(done) / elapsed; // batches per second in this run
        // Stage-2 batches cost several stage-1 batches (one blur per listed kernel); until
        // stage 2 runs, its rate is estimated as a fifth (measured on the small model).
        long left1 = 0, left2 = 0;
        if (step.stage == 1) {
            left1 = long(mEpochs[0]) * mBatchesPerEpoch - index;
            left2 = long(mEpochs[1] + mEpochs[2]) * mBatchesPerEpoch;
        } else {
            left2 = mTotalBatches - index;
        }
        const double seconds = left1 / rate + left2 / (step.stage == 1 ? rate / 5.0 : rate);
        eta = tr(", about %1 left").arg(minutes(seconds));
    }
    mStatus->setText(tr("Stage %1, epoch %2 of %3, batch %4 of %5: loss %6%7")
                         .arg(step.stage)
                         .arg(step.epoch)
                         .arg(step.epochs)
                         .arg(step.batch)
                         .arg(step.batches)
                         .arg(step.loss, 0, 'g', 4)
                         .arg(eta));
    emit batchDone(step.stage, step.epoch, step.batch);
}

void TrainingPanel::onEpoch(const engine::TrainingStep& step)
{
    if (!mJob)
        return;
    const int epoch = epochsBefore(step.stage) + step.epoch;
    for (std::size_t k = 0; k < step.validationPsnr.size() && k < mPsnr.size(); ++k) {
        const double v = step.validationPsnr[k];
        if (!std::isfinite(v))
            continue;
        mPsnr[k]->append(double(epoch), v);
        mPsnrLow = std::min(mPsnrLow, v);
        mPsnrHigh = std::max(mPsnrHigh, v);
    }
    if (mPsnrHigh >= mPsnrLow)
        mPsnrY->setRange(std::floor(mPsnrLow - 0.5), std::ceil(mPsnrHigh + 0.5));
    ++mEpochPoints;
}

void TrainingPanel::finished(const QVariant& result, bool ok, bool cancelled)
{
    mJob = 0;
    updateButtons();
    if (cancelled) {
        mStatus->setText(tr("Stopped. Resume continues after the last finished epoch."));
        emit trainingStopped();
        return;
    }
    if (!ok) {
        mStatus->setText(tr("Training failed: %1").arg(result.toString()));
        emit trainingFailed(result.toString());
        return;
    }
    const QVariantMap map = result.toMap();
    mTrainedModel = map.value("path").toString();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    mNewScore = map.value("new", nan).toDouble();
    mCurrentScore = map.value("current", nan).toDouble();
    mProgress->setValue(1000);
    QString text = tr("Done in %1: %2.").arg(minutes(mClock.elapsed() / 1000.0), mTrainedModel);
    if (std::isnan(mNewScore))
        text += tr(" No held-out images to score it on (give at least five files).");
    else if (!std::isnan(mCurrentScore))
        text += tr(" On the held-out images the new model reaches %1 dB, the model in use %2 dB.")
                    .arg(mNewScore, 0, 'f', 2)
                    .arg(mCurrentScore, 0, 'f', 2);
    else
        text += tr(" On the held-out images the new model reaches %1 dB; the model in use "
                   "cannot be scored on them (%2).")
                    .arg(mNewScore, 0, 'f', 2)
                    .arg(map.value("currentError", tr("none")).toString());
    text += tr(" The comparison keeps its model until you choose Use the New Model.");
    mStatus->setText(text);
    mUseModel->setEnabled(true);
    emit modelTrained(mTrainedModel);
}

void TrainingPanel::updateButtons()
{
    const bool idle = mJob == 0;
    // The form is checked as it is edited: Start is offered only for a form that can start.
    QString problem;
    try {
        if (output().isEmpty())
            problem = tr("Choose where to save the model.");
        else
            (void)options();
    } catch (const std::exception& e) {
        problem = QString::fromUtf8(e.what());
    }
    mFormError->setText(problem);
    mFormError->setVisible(!problem.isEmpty());
    mStart->setEnabled(idle && problem.isEmpty());
    mStop->setEnabled(!idle);
    mResume->setEnabled(idle && QFileInfo::exists(checkpointPath()));
}

QList<QPointF> TrainingPanel::lossPoints(int stage) const
{
    return stage >= 1 && stage <= 3 ? mLoss[stage - 1]->points() : QList<QPointF>();
}

QList<QPointF> TrainingPanel::validationPoints(std::size_t kernel) const
{
    return kernel < mPsnr.size() ? mPsnr[kernel]->points() : QList<QPointF>();
}

QString TrainingPanel::statusText() const
{
    return mStatus->text();
}

} // namespace latentlens::app
