//! Errors at the IPC boundary: every command returns `Result<T, IpcError>`,
//! which reaches the UI as `{ kind, message }` (see `ErrorPayload`).

use serde::{Serialize, Serializer};
use zhibu_core::{Error, ErrorPayload};

#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct IpcError(#[from] pub Error);

impl Serialize for IpcError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ErrorPayload::from(&self.0).serialize(serializer)
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
