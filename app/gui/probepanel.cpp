#include "app/gui/probepanel.h"

#include "engine/core/exception.h"
#include "engine/probe/probe.h"
#include "engine/probe/sampling.h"
#include "widgets/defocuscontrol.h"
#include "widgets/imageview.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace latentlens::app {

namespace {

QDoubleSpinBox* spin(QWidget* parent, double low, double high, int decimals, double value,
    const QString& suffix, const QString& tip)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(low, high);
    box->setDecimals(decimals);
    box->setValue(value);
    box->setSuffix(suffix);
    box->setToolTip(tip);
    box->setKeyboardTracking(false);
    return box;
}

} // namespace

ProbePanel::ProbePanel(QWidget* parent) : QWidget(parent)
{
    const engine::ZonePlateOptics defaults;
    mDefocus = new widgets::DefocusControl(this);
    mDefocus->setValue(7.0);

    mSource = new QComboBox(this);
    mSource->setObjectName("probeSource");
    mSource->addItem(tr("Simulated zone plate"));
    mSource->addItem(tr("Probe file (ptychography, PSF)"));
    mSource->setToolTip(tr("Simulate the zone plate's probe, or use a probe or PSF from a file"));
    mSourcePages = new QStackedWidget(this);

    auto* simulated = new QWidget(mSourcePages);
    auto* form = new QFormLayout(simulated);
    form->setContentsMargins(0, 0, 0, 0);
    mEnergy = spin(simulated, 0.1, 100.0, 2, defaults.energyKeV, tr(" keV"), tr("Photon energy"));
    mAperture = spin(simulated, 0.0001, 0.1, 4, defaults.numericalAperture, QString(),
        tr("Numerical aperture of the zone plate"));
    mAperture->setSingleStep(0.0005);
    mStop = spin(simulated, 0.0, 0.95, 2, defaults.centralStop, QString(),
        tr("Central stop diameter as a fraction of the zone plate's"));
    mStop->setSingleStep(0.05);
    mDiameter = spin(simulated, 1.0, 10000.0, 1, defaults.diameter * 1e6, tr(" \u00b5m"),
        tr("Zone plate diameter (sets the focal length)"));
    mProbePixel = spin(simulated, 0.1, 1000.0, 2, defaults.pixelSize * 1e9, tr(" nm"),
        tr("Pixel size of the simulated probe field"));
    mGrid = new QComboBox(simulated);
    for (int n : { 128, 256, 512 })
        mGrid->addItem(QString::number(n), n);
    mGrid->setCurrentIndex(1);
    mGrid->setToolTip(tr("The probe field is simulated on N \u00d7 N pixels"));
    form->addRow(tr("Energy"), mEnergy);
    form->addRow(tr("NA"), mAperture);
    form->addRow(tr("Central stop"), mStop);
    form->addRow(tr("Diameter"), mDiameter);
    form->addRow(tr("Probe pixel"), mProbePixel);
    form->addRow(tr("Field"), mGrid);
    mSourcePages->addWidget(simulated);

    auto* imported = new QWidget(mSourcePages);
    auto* importLayout = new QVBoxLayout(imported);
    importLayout->setContentsMargins(0, 0, 0, 0);
    auto* importButton = new QPushButton(tr("Import Probe\u2026"), imported);
    importButton->setToolTip(tr("A complex probe (.ptyr, .h5, .mat, .npy, .npz, TIFF "
                                "real/imaginary pages) or a measured PSF"));
    mImportLabel = new QLabel(tr("No probe file loaded."), imported);
    mImportLabel->setWordWrap(true);
    // What the file may lack, pre-filled from it: without them a complex probe cannot be
    // propagated and no probe can be resampled to the image's pixels.
    auto* importForm = new QFormLayout;
    mImportPixel = spin(imported, 0.0, 100000.0, 3, 0.0, tr(" nm"),
        tr("Pixel size of the probe or PSF in the file; 0 when unknown"));
    mImportPixel->setObjectName("importPixel");
    mImportPixel->setSpecialValueText(tr("unknown"));
    mImportEnergy = spin(imported, 0.0, 1000.0, 3, 0.0, tr(" keV"),
        tr("Photon energy of a complex probe (needed to propagate it); 0 when unknown"));
    mImportEnergy->setObjectName("importEnergy");
    mImportEnergy->setSpecialValueText(tr("unknown"));
    importForm->addRow(tr("Probe pixel"), mImportPixel);
    importForm->addRow(tr("Energy"), mImportEnergy);
    importLayout->addWidget(importButton);
    importLayout->addWidget(mImportLabel);
    importLayout->addLayout(importForm);
    importLayout->addStretch(1);
    mSourcePages->addWidget(imported);
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import Probe"), QString(),
            tr("Probes (*.ptyr *.h5 *.hdf5 *.mat *.npy *.npz *.tif *.tiff);;All files (*)"));
        if (path.isEmpty())
            return;
        if (const QString error = importProbe(path); !error.isEmpty())
            mImportLabel->setText(tr("Could not import %1: %2")
                                      .arg(QFileInfo(path).fileName(), error.toHtmlEscaped()));
    });

    auto* sampling = new QGroupBox(tr("Kernel"), this);
    auto* samplingForm = new QFormLayout(sampling);
    mKernelSize = new QSpinBox(sampling);
    mKernelSize->setRange(8, 256);
    mKernelSize->setValue(64);
    mKernelSize->setSuffix(tr(" px"));
    mKernelSize->setKeyboardTracking(false);
    mKernelSize->setToolTip(tr("The kernel is cropped to N \u00d7 N image pixels"));
    mSupport = spin(sampling, 0.0, 1.0, 2, 0.35, QString(),
        tr("Keep the probe inside this fraction of the field's half-width (0: all)"));
    mSupport->setSingleStep(0.05);
    mImagePixel = spin(sampling, 0.0, 100000.0, 2, 0.0, tr(" nm"),
        tr("Pixel size of the image; 0 uses the probe's own pixel size"));
    mImagePixel->setSpecialValueText(tr("probe's"));
    mPixelNote = new QLabel(sampling);
    mPixelNote->setWordWrap(true);
    samplingForm->addRow(tr("Size"), mKernelSize);
    samplingForm->addRow(tr("Support"), mSupport);
    samplingForm->addRow(tr("Image pixel"), mImagePixel);
    samplingForm->addRow(mPixelNote);

    mScale = new QComboBox(this);
    mScale->setObjectName("kernelScale");
    mScale->addItem(tr("Linear"));
    mScale->addItem(tr("Logarithmic"));
    mScale->setToolTip(tr("Draw the kernel on a linear or a logarithmic scale"));
    mKernelView = new widgets::ImageView(this);
    mKernelView->setObjectName("kernelView");
    mKernelView->setMinimumSize(160, 160);
    mKernelView->setColourMap(widgets::ColourMap::Magma);
    mKernelView->setPlaceholderText(tr("The kernel appears here."));
    mKernelLabel = new QLabel(this);
    mKernelLabel->setWordWrap(true);
    mChart = new QChart;
    mChart->legend()->hide();
    mChart->setMargins(QMargins(0, 0, 0, 0));
    mChart->setTitle(tr("Radial profile"));
    mChartView = new QChartView(mChart, this);
    mChartView->setMinimumHeight(150);
    mChartView->setRenderHint(QPainter::Antialiasing);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(mDefocus);
    layout->addWidget(mSource);
    layout->addWidget(mSourcePages);
    layout->addWidget(sampling);
    auto* scaleRow = new QHBoxLayout;
    scaleRow->addWidget(new QLabel(tr("Kernel display"), this));
    scaleRow->addWidget(mScale, 1);
    layout->addLayout(scaleRow);
    layout->addWidget(mKernelView, 1);
    layout->addWidget(mKernelLabel);
    layout->addWidget(mChartView, 1);

    connect(
        mSource, &QComboBox::currentIndexChanged, mSourcePages, &QStackedWidget::setCurrentIndex);
    connect(mSource, &QComboBox::currentIndexChanged, this, [this] { readControls(); });
    for (QDoubleSpinBox* box : { mEnergy, mAperture, mStop, mDiameter, mProbePixel, mSupport })
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] { readControls(); });
    connect(mGrid, &QComboBox::currentIndexChanged, this, [this] { readControls(); });
    connect(mKernelSize, &QSpinBox::valueChanged, this, [this] { readControls(); });
    connect(mImagePixel, &QDoubleSpinBox::valueChanged, this, [this](double nm) {
        updateSamplingNote();
        emit imagePixelSizeChanged(nm * 1e-9);
    });
    for (QDoubleSpinBox* box : { mImportPixel, mImportEnergy })
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] { readImportFields(); });
    connect(mScale, &QComboBox::currentIndexChanged, this, [this] { redrawKernel(); });
}

void ProbePanel::readControls()
{
    if (mUpdating)
        return;
    ProbeSettings s = mSettings;
    s.source = mSource->currentIndex() == 0 ? ProbeSettings::Source::Simulated
                                            : ProbeSettings::Source::Imported;
    s.optics.energyKeV = mEnergy->value();
    s.optics.numericalAperture = mAperture->value();
    s.optics.centralStop = mStop->value();
    s.optics.diameter = mDiameter->value() * 1e-6;
    s.optics.pixelSize = mProbePixel->value() * 1e-9;
    s.optics.gridSize = std::size_t(mGrid->currentData().toInt());
    s.kernelSize = std::size_t(mKernelSize->value());
    s.supportFraction = mSupport->value();
    if (s.source == ProbeSettings::Source::Simulated) {
        try {
            s.optics.validate();
        } catch (const engine::Exception& e) {
            showKernelError(QString::fromUtf8(e.what()));
            return; // keep the last valid probe
        }
    }
    mSettings = s;
    mDefocus->setEnabled(!s.fixedKernel());
    emit settingsChanged(mSettings);
}

void ProbePanel::setSettings(const ProbeSettings& s)
{
    mUpdating = true;
    mSettings = s;
    mSource->setCurrentIndex(s.source == ProbeSettings::Source::Simulated ? 0 : 1);
    mEnergy->setValue(s.optics.energyKeV);
    mAperture->setValue(s.optics.numericalAperture);
    mStop->setValue(s.optics.centralStop);
    mDiameter->setValue(s.optics.diameter * 1e6);
    mProbePixel->setValue(s.optics.pixelSize * 1e9);
    mGrid->setCurrentIndex(std::max(0, mGrid->findData(int(s.optics.gridSize))));
    mKernelSize->setValue(int(s.kernelSize));
    mSupport->setValue(s.supportFraction);
    if (s.imported) {
        mImportPixel->setValue(s.imported->pixelSize() * 1e9);
        mImportEnergy->setValue(s.imported->isComplex && s.imported->complex.wavelength > 0
                ? engine::photonWavelength(1.0) / s.imported->complex.wavelength
                : 0.0);
        mImportEnergy->setEnabled(s.imported->isComplex);
    }
    mUpdating = false;
    mDefocus->setEnabled(!s.fixedKernel());
    emit settingsChanged(mSettings);
}

double ProbePanel::imagePixelSize() const
{
    return mImagePixel->value() * 1e-9;
}

void ProbePanel::setImagePixelSize(double metres)
{
    const QSignalBlocker blocker(mImagePixel);
    mImagePixel->setValue(metres * 1e9);
    mFilePixel = metres;
    updateSamplingNote();
}

void ProbePanel::setImageSize(std::size_t width, std::size_t height)
{
    mImageWidth = width;
    mImageHeight = height;
    updateSamplingNote();
}

void ProbePanel::readImportFields()
{
    if (mUpdating || !mSettings.imported)
        return;
    auto probe = std::make_shared<engine::ImportedProbe>(*mSettings.imported);
    const double pixel = mImportPixel->value() * 1e-9;
    const double energy = mImportEnergy->value();
    probe->complex.pixelSize = pixel;
    probe->complex.wavelength = energy > 0 ? engine::photonWavelength(energy) : 0.0;
    probe->intensity.setSpacing({ pixel, pixel, probe->intensity.spacing().z });
    ProbeSettings s = mSettings;
    s.imported = probe;
    setSettings(s);
}

void ProbePanel::updateSamplingNote()
{
    QStringList lines;
    lines << (mFilePixel > 0 ? tr("The file gives %1 nm pixels.").arg(mFilePixel * 1e9, 0, 'g', 4)
                             : tr("The file gives no pixel size."));
    mSamplingWarnings.clear();
    if (!mKernel.empty()) {
        double sourcePixel = mSettings.optics.pixelSize;
        if (mSettings.source == ProbeSettings::Source::Imported)
            sourcePixel = mSettings.imported ? mSettings.imported->pixelSize() : 0.0;
        const auto r = engine::checkSampling(
            mKernel, sourcePixel, imagePixelSize(), mImageWidth, mImageHeight);
        if (r.pixelSizeAssumed())
            mSamplingWarnings << tr("The image has no pixel size: the kernel keeps the "
                                    "probe's sampling (%1 nm per pixel). Enter the image's "
                                    "pixel size above if it differs.")
                                     .arg(r.sourcePixel * 1e9, 0, 'g', 4);
        if (r.largeResampling())
            mSamplingWarnings << tr("The kernel is resampled from the probe's %1 nm pixels to "
                                    "%2 nm: check that both pixel sizes are right.")
                                     .arg(r.sourcePixel * 1e9, 0, 'g', 4)
                                     .arg(r.kernelPixel * 1e9, 0, 'g', 4);
        if (r.belowOnePixel())
            mSamplingWarnings << tr("The kernel is smaller than one image pixel (%1% of its "
                                    "energy in one pixel): there is little blur to remove, "
                                    "and deblurring mostly amplifies noise.")
                                     .arg(100.0 * r.centreFraction, 0, 'f', 0);
        if (r.wideForImage())
            mSamplingWarnings << tr("The kernel is wide for this image: half its energy lies "
                                    "within %1 px of its centre, for an image of %2 \u00d7 %3 "
                                    "px. Check the pixel sizes.")
                                     .arg(r.halfEnergyRadius, 0, 'f', 1)
                                     .arg(r.imageWidth)
                                     .arg(r.imageHeight);
    }
    lines << mSamplingWarnings;
    mPixelNote->setText(lines.join('\n'));
}

QString ProbePanel::importProbe(const QString& path)
{
    std::shared_ptr<engine::ImportedProbe> probe;
    try {
        probe = std::make_shared<engine::ImportedProbe>(engine::importProbe(path.toStdString()));
    } catch (const engine::IoError& e) {
        return QString::fromStdString(e.reason());
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    ProbeSettings s = mSettings;
    s.source = ProbeSettings::Source::Imported;
    s.imported = probe;
    s.importedPath = path;
    QString text = tr("<b>%1</b><br>%2, %3")
                       .arg(QFileInfo(path).fileName().toHtmlEscaped(),
                           QString::fromStdString(probe->source).toHtmlEscaped(),
                           QString::fromStdString(probe->stored).toHtmlEscaped());
    text += probe->isComplex ? tr("<br>A complex probe: it is propagated to the defocus.")
                             : tr("<br>An intensity PSF: used as it is, so the defocus "
                                  "slider is off.");
    for (const auto& note : probe->notes)
        text += QStringLiteral("<br>") + QString::fromStdString(note).toHtmlEscaped();
    mImportLabel->setText(text);
    setSettings(s);
    return {};
}

void ProbePanel::showKernel(const engine::Image& kernel, double defocus)
{
    mKernel = kernel;
    mKernelDefocus = defocus;
    redrawKernel();
}

void ProbePanel::showKernelError(const QString& message)
{
    mKernel = engine::Image();
    mKernelView->clear();
    mKernelView->setPlaceholderText(message);
    mKernelLabel->setText(message);
    mRadial.clear();
    mChart->removeAllSeries();
}

bool ProbePanel::logScale() const
{
    return mScale->currentIndex() == 1;
}

void ProbePanel::setLogScale(bool on)
{
    mScale->setCurrentIndex(on ? 1 : 0);
}

QList<QPointF> ProbePanel::radialProfileOf(const engine::Image& kernel)
{
    QList<QPointF> profile;
    if (kernel.empty())
        return profile;
    const double cx = (double(kernel.width()) - 1) / 2.0, cy = (double(kernel.height()) - 1) / 2.0;
    const int rings = int(std::ceil(std::hypot(cx, cy))) + 1;
    std::vector<double> sum(std::size_t(rings), 0.0), count(std::size_t(rings), 0.0);
    for (std::size_t y = 0; y < kernel.height(); ++y)
        for (std::size_t x = 0; x < kernel.width(); ++x) {
            const auto r = std::size_t(std::lround(std::hypot(double(x) - cx, double(y) - cy)));
            sum[r] += kernel.at(x, y);
            count[r] += 1.0;
        }
    for (std::size_t r = 0; r < sum.size(); ++r)
        if (count[r] > 0)
            profile.push_back(QPointF(double(r), sum[r] / count[r]));
    return profile;
}

void ProbePanel::redrawKernel()
{
    if (mKernel.empty())
        return;
    std::vector<float> shown(mKernel.values().begin(), mKernel.values().end());
    float peak = 0.0f;
    for (float v : shown)
        peak = std::max(peak, v);
    const bool log = logScale();
    if (log) // five decades below the peak
        for (float& v : shown)
            v = std::log10(std::max(v, peak * 1e-5f));
    mKernelView->setImage(int(mKernel.width()), int(mKernel.height()), std::move(shown));
    updateSamplingNote();
    if (log)
        mKernelView->setDisplayRange(std::log10(peak * 1e-5f), std::log10(peak));
    else
        mKernelView->setDisplayRange(0.0f, peak);
    const double pixelNm = mKernel.spacing().x * 1e9;
    mKernelLabel->setText(
        tr("%1 \u00d7 %2 px at %3 \u00b5m; 50% of the energy within %4 px%5")
            .arg(mKernel.width())
            .arg(mKernel.height())
            .arg(mKernelDefocus * 1e6, 0, 'g', 3)
            .arg(engine::encircledEnergyRadius(mKernel, 0.5), 0, 'f', 1)
            .arg(pixelNm > 0 ? tr(" (%1 nm pixels)").arg(pixelNm, 0, 'g', 4) : QString()));

    mRadial = radialProfileOf(mKernel);
    mChart->removeAllSeries();
    for (QAbstractAxis* axis : mChart->axes())
        mChart->removeAxis(axis);
    auto* series = new QLineSeries;
    for (const QPointF& p : mRadial)
        series->append(p.x(), log ? std::max(p.y(), double(peak) * 1e-5) : p.y());
    mChart->addSeries(series);
    auto* x = new QValueAxis;
    x->setTitleText(tr("radius (px)"));
    x->setLabelFormat("%.0f");
    mChart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    if (log) {
        auto* y = new QLogValueAxis;
        y->setBase(10);
        y->setLabelFormat("%.0e");
        mChart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
    } else {
        auto* y = new QValueAxis;
        y->setLabelFormat("%.1e");
        mChart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
    }
}

} // namespace latentlens::app
