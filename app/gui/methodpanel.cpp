#include "app/gui/methodpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace latentlens::app {

MethodPanel::MethodPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);

    auto* wiener = new QGroupBox(tr("Wiener"), this);
    auto* wf = new QFormLayout(wiener);
    mNsrAuto = new QCheckBox(tr("Automatic (UPRE from the noise level)"), wiener);
    mNsrAuto->setToolTip(
        tr("Choose the regularisation per plane by UPRE from the estimated noise"));
    mNsrAuto->setObjectName("wienerAuto");
    mNsrAuto->setChecked(true);
    mNsr = new QDoubleSpinBox(wiener);
    mNsr->setObjectName("wienerNsr");
    mNsr->setDecimals(6);
    mNsr->setRange(1e-6, 10.0);
    mNsr->setValue(0.01);
    mNsr->setSingleStep(0.001);
    mNsr->setKeyboardTracking(false);
    mNsr->setToolTip(tr("Noise-to-signal ratio \u03bb: larger is smoother"));
    mWienerChosen = new QLabel(wiener);
    wf->addRow(mNsrAuto);
    wf->addRow(tr("NSR \u03bb"), mNsr);
    wf->addRow(mWienerChosen);
    layout->addWidget(wiener);

    auto* rl = new QGroupBox(tr("Richardson\u2013Lucy"), this);
    auto* rf = new QFormLayout(rl);
    mIterations = new QSpinBox(rl);
    mIterations->setObjectName("rlIterations");
    mIterations->setRange(0, 10000);
    mIterations->setSpecialValueText(tr("automatic stop"));
    mIterations->setKeyboardTracking(false);
    mIterations->setToolTip(tr("0 stops when the fit reaches the noise level"));
    mMaxIterations = new QSpinBox(rl);
    mMaxIterations->setToolTip(tr("The most iterations the automatic stop may take"));
    mMaxIterations->setRange(1, 10000);
    mMaxIterations->setValue(150);
    mMaxIterations->setKeyboardTracking(false);
    mTvAuto = new QCheckBox(tr("Automatic TV weight"), rl);
    mTvAuto->setToolTip(tr("Set the total-variation weight from the estimated noise"));
    mTvAuto->setChecked(true);
    mTv = new QDoubleSpinBox(rl);
    mTv->setDecimals(5);
    mTv->setRange(0.0, 1.0);
    mTv->setSingleStep(0.001);
    mTv->setValue(0.002);
    mTv->setKeyboardTracking(false);
    mTv->setToolTip(tr("Total-variation regularisation (Dey et al.); 0: none"));
    mAccelerate = new QCheckBox(tr("Biggs\u2013"
                                   "Andrews acceleration"),
        rl);
    mAccelerate->setToolTip(tr("Extrapolate between iterations: the same result in fewer steps"));
    mAccelerate->setChecked(true);
    mRlProgress = new QProgressBar(rl);
    mRlProgress->setObjectName("rlProgress");
    mRlProgress->setRange(0, 100);
    mRlProgress->setValue(0);
    mRlStop = new QPushButton(tr("Stop"), rl);
    mRlStop->setToolTip(tr("Stop Richardson\u2013Lucy now"));
    mRlStop->setEnabled(false); // until a run starts
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(mRlProgress, 1);
    progressRow->addWidget(mRlStop);
    mRlChosen = new QLabel(rl);
    rf->addRow(tr("Iterations"), mIterations);
    rf->addRow(tr("At most"), mMaxIterations);
    rf->addRow(mTvAuto);
    rf->addRow(tr("TV weight"), mTv);
    rf->addRow(mAccelerate);
    rf->addRow(progressRow);
    rf->addRow(mRlChosen);
    layout->addWidget(rl);
    connect(mRlStop, &QPushButton::clicked, this, [this] { emit cancelRequested("rl"); });

    auto* hl = new QGroupBox(tr("Hyper-Laplacian"), this);
    auto* hf = new QFormLayout(hl);
    mAlpha = new QDoubleSpinBox(hl);
    mAlpha->setRange(0.1, 2.0);
    mAlpha->setDecimals(3);
    mAlpha->setSingleStep(0.05);
    mAlpha->setValue(2.0 / 3.0);
    mAlpha->setKeyboardTracking(false);
    mAlpha->setToolTip(tr("Exponent of the gradient prior; 2/3 and 1/2 are solved exactly"));
    mLambdaAuto = new QCheckBox(tr("Automatic \u03bb from the noise level"), hl);
    mLambdaAuto->setToolTip(tr("Set the data weight from the estimated noise"));
    mLambdaAuto->setChecked(true);
    mLambda = new QDoubleSpinBox(hl);
    mLambda->setRange(1.0, 1e7);
    mLambda->setDecimals(0);
    mLambda->setValue(2000.0);
    mLambda->setKeyboardTracking(false);
    mLambda->setToolTip(tr("Weight of the data term: larger follows the data more closely"));
    auto* paper = new QPushButton(tr("Paper preset (\u03b1 2/3, \u03bb 2000)"), hl);
    paper->setToolTip(tr("Krishnan and Fergus's published setting"));
    mHlChosen = new QLabel(hl);
    hf->addRow(tr("\u03b1"), mAlpha);
    hf->addRow(mLambdaAuto);
    hf->addRow(tr("\u03bb"), mLambda);
    hf->addRow(paper);
    hf->addRow(mHlChosen);
    layout->addWidget(hl);
    connect(paper, &QPushButton::clicked, this, [this] {
        mUpdating = true;
        mAlpha->setValue(2.0 / 3.0);
        mLambdaAuto->setChecked(false);
        mLambda->setValue(2000.0);
        mUpdating = false;
        changed();
    });

    auto* model = new QGroupBox(tr("Network model"), this);
    auto* mf = new QVBoxLayout(model);
    mModel = new QLineEdit(model);
    mModel->setToolTip(tr("The network model the comparison uses; empty: the default model"));
    mModel->setObjectName("modelPath");
    mModel->setPlaceholderText(tr("the default model"));
    auto* browse = new QPushButton(tr("Choose\u2026"), model);
    browse->setToolTip(tr("Choose a model file (.llm)"));
    auto* useDefault = new QPushButton(tr("Default"), model);
    useDefault->setToolTip(tr("Use the model shipped with LatentLens"));
    auto* modelRow = new QHBoxLayout;
    modelRow->addWidget(mModel, 1);
    modelRow->addWidget(browse);
    modelRow->addWidget(useDefault);
    mModelInfo = new QLabel(model);
    mModelInfo->setWordWrap(true);
    mViews = new QComboBox(model);
    mViews->setObjectName("networkViews");
    mViews->addItem(tr("Views: the model's own"), 0);
    mViews->addItem(tr("1 view (fastest)"), 1);
    for (int n : { 2, 4, 8 })
        mViews->addItem(tr("Average of %1 views").arg(n), n);
    mViews->setToolTip(tr("How many mirrored views of each tile the network averages: more "
                          "views are slower and score a little higher. The model's own count "
                          "is the one its scores were measured with."));
    mf->addLayout(modelRow);
    mf->addWidget(mViews);
    mf->addWidget(mModelInfo);
    layout->addWidget(model);
    layout->addStretch(1);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose Model"), QString(),
            tr("LatentLens models (*.llm *.ckpt);;All files (*)"));
        if (!path.isEmpty()) {
            mModel->setText(path);
            changed();
        }
    });
    connect(useDefault, &QPushButton::clicked, this, [this] {
        mModel->clear();
        changed();
    });
    connect(mModel, &QLineEdit::editingFinished, this, &MethodPanel::changed);
    connect(mViews, &QComboBox::currentIndexChanged, this, &MethodPanel::changed);

    for (QCheckBox* box : { mNsrAuto, mTvAuto, mAccelerate, mLambdaAuto })
        connect(box, &QCheckBox::toggled, this, &MethodPanel::changed);
    for (QDoubleSpinBox* box : { mNsr, mTv, mAlpha, mLambda })
        connect(box, &QDoubleSpinBox::valueChanged, this, &MethodPanel::changed);
    for (QSpinBox* box : { mIterations, mMaxIterations })
        connect(box, &QSpinBox::valueChanged, this, &MethodPanel::changed);
    changed();
}

MethodSettings MethodPanel::settings() const
{
    MethodSettings s;
    s.wiener.nsr = mNsrAuto->isChecked() ? -1.0 : mNsr->value();
    s.rl.iterations = mIterations->value();
    s.rl.maxIterations = mMaxIterations->value();
    s.rl.tv = mTvAuto->isChecked() ? -1.0 : mTv->value();
    s.rl.accelerate = mAccelerate->isChecked();
    // The spin box shows three decimals, so 2/3 reads 0.667; the exponents the engine solves
    // in closed form (2/3 and 1/2) are meant when shown, not 0.667 (25x slower, by bisection).
    s.hl.alpha = mAlpha->value();
    for (double exact : { 2.0 / 3.0, 0.5 })
        if (std::abs(s.hl.alpha - exact) < 5e-4)
            s.hl.alpha = exact;
    s.hl.lambda = mLambdaAuto->isChecked() ? -1.0 : mLambda->value();
    s.modelPath = mModel->text().trimmed();
    s.networkViews = mViews->currentData().toInt();
    return s;
}

void MethodPanel::setSettings(const MethodSettings& s)
{
    mUpdating = true;
    mNsrAuto->setChecked(s.wiener.nsr < 0);
    if (s.wiener.nsr > 0)
        mNsr->setValue(s.wiener.nsr);
    mIterations->setValue(s.rl.iterations);
    mMaxIterations->setValue(s.rl.maxIterations);
    mTvAuto->setChecked(s.rl.tv < 0);
    if (s.rl.tv >= 0)
        mTv->setValue(s.rl.tv);
    mAccelerate->setChecked(s.rl.accelerate);
    mAlpha->setValue(s.hl.alpha);
    mLambdaAuto->setChecked(s.hl.lambda < 0);
    if (s.hl.lambda > 0)
        mLambda->setValue(s.hl.lambda);
    mModel->setText(s.modelPath);
    mViews->setCurrentIndex(std::max(0, mViews->findData(s.networkViews)));
    mUpdating = false;
    changed();
}

void MethodPanel::changed()
{
    if (mUpdating)
        return;
    mNsr->setEnabled(!mNsrAuto->isChecked());
    mTv->setEnabled(!mTvAuto->isChecked());
    mLambda->setEnabled(!mLambdaAuto->isChecked());
    mMaxIterations->setEnabled(mIterations->value() == 0);
    emit settingsChanged(settings());
}

void MethodPanel::setRichardsonLucyProgress(int percent)
{
    mRlProgress->setValue(percent < 0 ? 0 : percent);
}

void MethodPanel::setRichardsonLucyRunning(bool running)
{
    mRlStop->setEnabled(running);
}

void MethodPanel::setChosen(const QString& key, const QString& text)
{
    QLabel* label = key == "wiener" ? mWienerChosen
        : key == "rl"               ? mRlChosen
        : key == "hl"               ? mHlChosen
                                    : nullptr;
    if (label)
        label->setText(text);
}

void MethodPanel::setModelInfo(const QString& text)
{
    mModelInfo->setText(text);
}

} // namespace latentlens::app
